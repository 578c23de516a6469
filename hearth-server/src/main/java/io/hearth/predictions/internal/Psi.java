package io.hearth.predictions.internal;

import java.util.Arrays;
import java.util.List;

/**
 * What the drift report shows beside hearth-ml's {@code PsiBinning}, which bins and scores: the live
 * shares per stored bin for the chart, and the index when the live sample is empty (PsiBinning refuses
 * one). Population stability index over quantile bins of a training sample: sum of (live − train) ×
 * ln(live / train) per bin. Below 0.1 is stable, 0.1–0.25 a moderate shift, above 0.25 a major one.
 */
final class Psi {

    static final int BINS = 10;
    // Empty bins would make the logarithm infinite; a tiny share keeps one empty bin a large but finite term.
    private static final double FLOOR = 1e-4;

    private Psi() {}

    /** Share of the values per bin: bin i holds values up to edges[i], the last bin the rest. */
    static double[] shares(double[] edges, double[] values) {
        double[] counts = new double[edges.length + 1];
        for (double value : values) {
            int bin = Arrays.binarySearch(edges, value);
            counts[bin >= 0 ? bin : -bin - 1]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = values.length == 0 ? 0 : counts[i] / values.length;
        }
        return counts;
    }

    static double index(double[] training, double[] live) {
        if (training.length != live.length) {
            throw new IllegalArgumentException("bins differ");
        }
        double psi = 0;
        for (int i = 0; i < training.length; i++) {
            double expected = Math.max(training[i], FLOOR);
            double actual = Math.max(live[i], FLOOR);
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }

    static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
