package io.hearth.ml.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Metrics of probabilistic binary predictions: ROC AUC, PR AUC, Brier score, calibration table. */
public final class BinaryMetrics {

    private BinaryMetrics() {}

    /** Area under the ROC curve, by the rank-sum formula with tied scores sharing their mean rank. */
    public static double rocAuc(double[] score, boolean[] positive) {
        check(score, positive);
        Integer[] order = ascending(score);
        double rankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && score[order[end + 1]] == score[order[start]]) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (positive[order[i]]) {
                    rankSum += meanRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = score.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both positives and negatives");
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Area under the precision-recall curve as average precision; tied scores enter together. */
    public static double averagePrecision(double[] score, boolean[] positive) {
        check(score, positive);
        Integer[] order = ascending(score);
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        if (positives == 0) {
            throw new IllegalArgumentException("average precision needs positives");
        }
        double area = 0;
        long seen = 0;
        long hits = 0;
        for (int end = order.length - 1; end >= 0; ) {
            int start = end;
            while (start - 1 >= 0 && score[order[start - 1]] == score[order[end]]) {
                start--;
            }
            long newHits = 0;
            for (int i = start; i <= end; i++) {
                newHits += positive[order[i]] ? 1 : 0;
            }
            seen += end - start + 1;
            hits += newHits;
            area += (double) newHits / positives * hits / seen;
            end = start - 1;
        }
        return area;
    }

    /** Mean squared difference between predicted probability and outcome. */
    public static double brier(double[] probability, boolean[] positive) {
        check(probability, positive);
        double sum = 0;
        for (int i = 0; i < probability.length; i++) {
            double error = probability[i] - (positive[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probability.length;
    }

    /** {@code bins} equal-width bins of predicted probability with their observed positive rates. */
    public static List<CalibrationBin> calibrationTable(double[] probability, boolean[] positive, int bins) {
        check(probability, positive);
        int[] count = new int[bins];
        double[] predicted = new double[bins];
        double[] observed = new double[bins];
        for (int i = 0; i < probability.length; i++) {
            int bin = Math.min(bins - 1, Math.max(0, (int) (probability[i] * bins)));
            count[bin]++;
            predicted[bin] += probability[i];
            observed[bin] += positive[i] ? 1 : 0;
        }
        List<CalibrationBin> table = new ArrayList<>(bins);
        for (int bin = 0; bin < bins; bin++) {
            double n = count[bin];
            table.add(new CalibrationBin(
                    (double) bin / bins, (bin + 1.0) / bins, count[bin], predicted[bin] / n, observed[bin] / n));
        }
        return table;
    }

    private static Integer[] ascending(double[] score) {
        Integer[] order = new Integer[score.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        return order;
    }

    private static void check(double[] score, boolean[] positive) {
        if (score.length == 0 || score.length != positive.length) {
            throw new IllegalArgumentException("need as many outcomes as scores, and at least one");
        }
        for (double value : score) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("scores must not be NaN");
            }
        }
    }
}
