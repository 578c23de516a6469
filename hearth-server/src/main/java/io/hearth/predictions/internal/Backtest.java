package io.hearth.predictions.internal;

import io.hearth.predictions.internal.RhythmArtefact.CalibrationBin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Figures of a scored backtest: each row is {predicted probability, outcome 0 or 1}. */
final class Backtest {

    private static final int BINS = 10;

    private Backtest() {}

    /** Area under the ROC curve by the rank-sum formula, ties counted half. */
    static double auc(List<double[]> rows) {
        List<double[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(row -> row[0]));
        double positives = rows.stream().filter(row -> row[1] == 1).count();
        double negatives = rows.size() - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        double rankSum = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j)[0] == sorted.get(i)[0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                rankSum += sorted.get(k)[1] == 1 ? rank : 0;
            }
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    static double brier(List<double[]> rows) {
        return rows.stream()
                .mapToDouble(row -> Math.pow(row[0] - row[1], 2))
                .average()
                .orElse(0);
    }

    /** Rows sorted by prediction, cut into ten equal groups: mean predicted against observed rate. */
    static List<CalibrationBin> calibration(List<double[]> rows) {
        List<double[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(row -> row[0]));
        List<CalibrationBin> bins = new ArrayList<>();
        for (int bin = 0; bin < BINS; bin++) {
            List<double[]> group = sorted.subList(bin * sorted.size() / BINS, (bin + 1) * sorted.size() / BINS);
            if (!group.isEmpty()) {
                bins.add(new CalibrationBin(
                        group.stream().mapToDouble(row -> row[0]).average().orElse(0),
                        group.stream().mapToDouble(row -> row[1]).average().orElse(0),
                        group.size()));
            }
        }
        return bins;
    }
}
