package io.hearth.ml.drift;

import java.util.Arrays;

/**
 * Bins fixed on the training sample (its quantiles), so live samples are compared against the
 * training distribution's own resolution. NaN values have a bin of their own, because a feature going
 * missing is drift too.
 */
public final class PsiBinning {

    /** Share given to a bin that is empty in one sample, so the logarithm stays finite. */
    private static final double EMPTY_SHARE = 1e-4;

    private final double[] upperEdges;
    private final double[] expected;

    private PsiBinning(double[] upperEdges, double[] expected) {
        this.upperEdges = upperEdges;
        this.expected = expected;
    }

    /** Up to {@code bins} quantile bins of the training sample (fewer when values repeat). */
    public static PsiBinning fit(double[] training, int bins) {
        if (training.length == 0 || bins < 2) {
            throw new IllegalArgumentException("need a non-empty training sample and at least two bins");
        }
        double[] sorted =
                Arrays.stream(training).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] edges = new double[0];
        for (int bin = 1; bin < bins && sorted.length > 0; bin++) {
            double edge = sorted[(int) Math.min(sorted.length - 1, (long) bin * sorted.length / bins)];
            if (edges.length == 0 || edge > edges[edges.length - 1]) {
                edges = Arrays.copyOf(edges, edges.length + 1);
                edges[edges.length - 1] = edge;
            }
        }
        PsiBinning empty = new PsiBinning(edges, new double[0]);
        return new PsiBinning(edges, empty.shares(training));
    }

    /** Restores a binning from stored edges and training shares. */
    public static PsiBinning of(double[] upperEdges, double[] trainingShares) {
        if (trainingShares.length != upperEdges.length + 2) {
            throw new IllegalArgumentException("need edges + 2 shares (the last bin and the NaN bin)");
        }
        return new PsiBinning(upperEdges.clone(), trainingShares.clone());
    }

    /** PSI = Σ (live − train) · ln(live / train) over the bins. */
    public double psi(double[] live) {
        if (live.length == 0) {
            throw new IllegalArgumentException("live sample is empty");
        }
        double[] actual = shares(live);
        double psi = 0;
        for (int bin = 0; bin < actual.length; bin++) {
            double e = Math.max(expected[bin], EMPTY_SHARE);
            double a = Math.max(actual[bin], EMPTY_SHARE);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** Edges that close each bin but the last (values below or equal go in). */
    public double[] upperEdges() {
        return upperEdges.clone();
    }

    /** Training share per bin: one per edge, then the open last bin, then the NaN bin. */
    public double[] trainingShares() {
        return expected.clone();
    }

    private double[] shares(double[] sample) {
        double[] counts = new double[upperEdges.length + 2];
        for (double value : sample) {
            counts[bin(value)]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= sample.length;
        }
        return counts;
    }

    private int bin(double value) {
        if (Double.isNaN(value)) {
            return upperEdges.length + 1;
        }
        int position = Arrays.binarySearch(upperEdges, value);
        return position >= 0 ? position : -position - 1;
    }
}
