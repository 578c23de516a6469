package io.hearth.ml.clv;

import java.util.Comparator;
import java.util.List;

/**
 * Repeat buyers sorted by frequency, with the parameter-free sums of each frequency precomputed, so a
 * Gamma-Gamma likelihood evaluation needs the log-gamma and digamma terms once per distinct frequency
 * (a few dozen) instead of once per buyer (thousands); per buyer only log(γ + m x) remains.
 */
final class SpendGroups {

    final int size;
    final double[] frequency;
    final int[] start;
    final double[] sumLogTotal;
    final double[] sumLogMean;
    final double[] total;

    private SpendGroups(
            int size, double[] frequency, int[] start, double[] sumLogTotal, double[] sumLogMean, double[] total) {
        this.size = size;
        this.frequency = frequency;
        this.start = start;
        this.sumLogTotal = sumLogTotal;
        this.sumLogMean = sumLogMean;
        this.total = total;
    }

    static SpendGroups of(List<SpendObservation> data) {
        List<SpendObservation> sorted = data.stream()
                .sorted(Comparator.comparingInt(SpendObservation::frequency))
                .toList();
        double[] total = new double[sorted.size()];
        int groups = (int)
                sorted.stream().mapToInt(SpendObservation::frequency).distinct().count();
        double[] frequency = new double[groups];
        int[] start = new int[groups + 1];
        double[] sumLogTotal = new double[groups];
        double[] sumLogMean = new double[groups];
        int group = -1;
        for (int i = 0; i < sorted.size(); i++) {
            SpendObservation observation = sorted.get(i);
            if (group < 0 || observation.frequency() != frequency[group]) {
                group++;
                frequency[group] = observation.frequency();
                start[group] = i;
            }
            total[i] = observation.meanSpend() * observation.frequency();
            sumLogTotal[group] += Math.log(total[i]);
            sumLogMean[group] += Math.log(observation.meanSpend());
        }
        start[groups] = sorted.size();
        return new SpendGroups(groups, frequency, start, sumLogTotal, sumLogMean, total);
    }

    int count(int group) {
        return start[group + 1] - start[group];
    }

    int buyers() {
        return total.length;
    }
}
