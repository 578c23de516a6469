package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.drift.PsiBinning;
import java.util.Arrays;

/** The training distribution of one feature or score: bin edges and the share of customers per bin. */
record DriftBaseline(String feature, double[] edges, double[] shares) {

    DriftBaseline {
        requireNonNull(feature, "feature is null");
        edges = edges.clone();
        shares = shares.clone();
    }

    /** Quantile bins of the training sample by hearth-ml's {@link PsiBinning}; one empty bin without a sample. */
    static DriftBaseline of(String feature, double[] sample) {
        if (sample.length == 0) {
            return new DriftBaseline(feature, new double[0], new double[] {0});
        }
        PsiBinning binning = PsiBinning.fit(sample, Psi.BINS);
        double[] edges = binning.upperEdges();
        // The features here are counts and durations, never NaN: the stored shares leave out the NaN bin.
        return new DriftBaseline(feature, edges, Arrays.copyOf(binning.trainingShares(), edges.length + 1));
    }

    /** PSI of a live sample against this baseline (hearth-ml's); an empty live sample is all drift. */
    double psi(double[] live) {
        if (live.length == 0) {
            return Psi.index(shares, Psi.shares(edges, live));
        }
        double[] withNanBin = Arrays.copyOf(shares, shares.length + 1);
        return PsiBinning.of(edges, withNanBin).psi(live);
    }
}
