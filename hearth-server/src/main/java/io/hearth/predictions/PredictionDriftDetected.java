package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.time.Instant;

/**
 * The live distribution of a feature or score moved away from the one the serving model was trained
 * on: its population stability index is over {@code hearth.predictions.drift-threshold}. Published at
 * most once per (model version, feature), so retraining is the remedy and the signal to watch.
 */
public record PredictionDriftDetected(
        TenantId tenantId, String modelVersion, String feature, double psi, double threshold, Instant at) {

    public PredictionDriftDetected {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(feature, "feature is null");
        requireNonNull(at, "at is null");
    }
}
