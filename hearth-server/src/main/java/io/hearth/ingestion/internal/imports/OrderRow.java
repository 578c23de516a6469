package io.hearth.ingestion.internal.imports;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row read into an order line plus the order's own fields; rows with the same {@code orderId} that
 * follow each other make one order, whose fields come from its first row.
 */
record OrderRow(
        long line,
        String orderId,
        String event,
        @Nullable String userId,
        @Nullable String anonymousId,
        Instant timestamp,
        @Nullable String currency,
        @Nullable BigDecimal total,
        @Nullable String email,
        @Nullable String country,
        ProductLine product) {

    static final String ORDER_COMPLETED = "Order Completed";
    static final String ORDER_REFUNDED = "Order Refunded";
    static final String ORDER_CANCELLED = "Order Cancelled";

    OrderRow {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(event, "event is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(product, "product is null");
    }
}
