package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

/** The training distribution of one feature or score: bin edges and the share of customers per bin. */
record DriftBaseline(String feature, double[] edges, double[] shares) {

    DriftBaseline {
        requireNonNull(feature, "feature is null");
        edges = edges.clone();
        shares = shares.clone();
    }

    static DriftBaseline of(String feature, double[] sample) {
        double[] edges = Psi.edges(sample);
        return new DriftBaseline(feature, edges, Psi.shares(edges, sample));
    }
}
