package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A drift alert raised for the shop when a {@link PredictionDriftDetected} went out: the feature or
 * score of a serving version whose live distribution moved past the threshold. Retraining the kind is
 * the remedy; the alert stays as history of the version it was raised for.
 */
public record DriftAlert(String modelVersion, String feature, double psi, double threshold, Instant raisedAt) {

    public DriftAlert {
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(feature, "feature is null");
        requireNonNull(raisedAt, "raisedAt is null");
    }
}
