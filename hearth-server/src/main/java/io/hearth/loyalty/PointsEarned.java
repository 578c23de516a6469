package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member earned points (pending on an order or available as a bonus). Published once per
 * transaction, after commit; {@code reason} says how the rules computed them.
 */
public record PointsEarned(
        TenantId tenantId,
        CustomerId customerId,
        UUID transactionId,
        long points,
        boolean pending,
        @Nullable String orderId,
        @Nullable Integer ruleVersion,
        String reason) {

    public PointsEarned {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(transactionId, "transactionId is null");
        requireNonNull(reason, "reason is null");
    }
}
