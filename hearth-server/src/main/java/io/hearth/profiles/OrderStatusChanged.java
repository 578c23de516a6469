package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order reached a step of its lifecycle. Published once per (order, status), in the transaction
 * that recorded it; delivery to listeners is at least once, so they must be idempotent.
 */
public record OrderStatusChanged(
        TenantId tenantId,
        CustomerId customerId,
        String orderId,
        OrderStatus status,
        Instant at,
        @Nullable BigDecimal total,
        @Nullable String currency) {

    public OrderStatusChanged {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(orderId, "orderId is null");
        requireNonNull(status, "status is null");
        requireNonNull(at, "at is null");
    }
}
