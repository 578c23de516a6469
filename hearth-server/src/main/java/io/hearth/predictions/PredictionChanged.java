package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;

/**
 * A customer's score crossed a configured threshold (in either direction). Published once per
 * crossing, after the new score is stored; delivery is at least once, so listeners must be idempotent
 * (the pair customer + {@code at} + signal identifies a crossing).
 *
 * @param crossedUp true when the score went over the threshold (churn risk rose above it, health fell
 *     below it, replenishment became due), false when it came back
 */
public record PredictionChanged(
        TenantId tenantId,
        CustomerId customerId,
        Signal signal,
        double previous,
        double current,
        double threshold,
        boolean crossedUp,
        String modelVersion,
        Instant at) {

    /** Which score crossed which threshold. */
    public enum Signal {
        /** Churn risk rose above {@code hearth.predictions.churn-risk-threshold}. */
        CHURN_RISK,
        /** Health fell below {@code hearth.predictions.health-alert-below}. */
        HEALTH_DROP,
        /** The expected next purchase is within {@code hearth.predictions.replenishment-due-within}. */
        REPLENISHMENT_DUE,
        /**
         * An early warning appeared (a silence improbable under the customer's own rhythm, or trouble
         * events such as failed deliveries arriving much faster than before) or went away; previous is 1
         * when there was no warning and 0 when there was, current the new warning's probability (1 once
         * it went away), threshold {@code hearth.predictions.early-warning.threshold}.
         */
        EARLY_WARNING
    }

    public PredictionChanged {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(signal, "signal is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(at, "at is null");
    }
}
