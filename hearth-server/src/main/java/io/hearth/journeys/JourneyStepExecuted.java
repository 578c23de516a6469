package io.hearth.journeys;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A run did something: entered, executed a step (sent, suppressed with its reason, waited, branched),
 * or exited. Published after the run's state committed; at least once.
 *
 * @param outcome {@code entered}, {@code sent}, {@code suppressed}, {@code delayed}, {@code waiting},
 *     {@code done}, {@code exited}, {@code holdout}, {@code not-plugged}
 * @param reason for suppressions and exits: {@code consent}, {@code quiet-hours},
 *     {@code frequency-cap-day}, {@code frequency-cap-week}, {@code frequency-cap-channel},
 *     {@code pressure-budget}, {@code duplicate-content}, {@code global-holdout}, the exit event
 */
public record JourneyStepExecuted(
        TenantId tenantId,
        String journey,
        int version,
        UUID runId,
        CustomerId customerId,
        String step,
        @Nullable String variant,
        String outcome,
        @Nullable String reason,
        Instant at) {

    public JourneyStepExecuted {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(journey, "journey is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(step, "step is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(at, "at is null");
    }
}
