package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;

/** A member reached their target of a challenge for the period; published once, with the award. */
public record ChallengeCompleted(
        TenantId tenantId, CustomerId customerId, String challengeId, String period, long points) {

    public ChallengeCompleted {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(challengeId, "challengeId is null");
        requireNonNull(period, "period is null");
    }
}
