package io.hearth.profiles;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order of a customer with the time of each lifecycle step reached so far.
 *
 * @param shipment carrier, tracking and expected delivery; null while the shop reported none
 */
public record CustomerOrder(
        String orderId,
        OrderStatus status,
        @Nullable BigDecimal total,
        @Nullable String currency,
        @Nullable Instant placedAt,
        @Nullable Instant paidAt,
        @Nullable Instant fulfilledAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant returnWindowClosesAt,
        @Nullable Instant returnWindowClosedAt,
        @Nullable Instant refundedAt,
        @Nullable Instant cancelledAt,
        @Nullable Shipment shipment) {}
