package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order reached a step of its lifecycle. Recorded once per (order, status) and announced in the
 * {@link OrdersChanged} of the pass that recorded it.
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
