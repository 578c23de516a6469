package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;

/** Reminder: some of a member's points expire soon. Published once per lot, grouped per member and run. */
public record PointsExpiring(TenantId tenantId, CustomerId customerId, long points, Instant firstExpiresAt) {

    public PointsExpiring {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(firstExpiresAt, "firstExpiresAt is null");
    }
}
