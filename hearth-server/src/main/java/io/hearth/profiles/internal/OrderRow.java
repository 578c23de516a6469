package io.hearth.profiles.internal;

import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.Shipment;
import io.hearth.shared.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One order's lifecycle while a batch is applied to it: each step's time is set once. */
final class OrderRow {

    final String orderId;
    CustomerId customer;

    @Nullable
    BigDecimal total;

    @Nullable
    String currency;

    @Nullable
    Shipment shipment;

    private final EnumMap<OrderStatus, Instant> reached = new EnumMap<>(OrderStatus.class);

    OrderRow(String orderId, CustomerId customer) {
        this.orderId = orderId;
        this.customer = customer;
    }

    /** Records the step unless already reached; answers whether it is new. */
    boolean reach(OrderStatus status, Instant at) {
        return reached.putIfAbsent(status, at) == null;
    }

    void restore(OrderStatus status, @Nullable Instant at) {
        if (at != null) {
            reached.put(status, at);
        }
    }

    @Nullable
    Instant at(OrderStatus status) {
        return reached.get(status);
    }

    /** The furthest step: a refund or cancellation ends the order whatever came before. */
    OrderStatus status() {
        for (OrderStatus status : new OrderStatus[] {
            OrderStatus.CANCELLED,
            OrderStatus.REFUNDED,
            OrderStatus.RETURN_WINDOW_CLOSED,
            OrderStatus.DELIVERED,
            OrderStatus.FULFILLED,
            OrderStatus.PAID,
            OrderStatus.PLACED
        }) {
            if (reached.containsKey(status)) {
                return status;
            }
        }
        return OrderStatus.PLACED;
    }

    /**
     * The return window runs from delivery, or from fulfilment or placement when the shop reports
     * nothing later; a refunded or cancelled order has none.
     */
    Optional<Instant> returnWindowClosesAt(Duration window) {
        if (reached.containsKey(OrderStatus.REFUNDED) || reached.containsKey(OrderStatus.CANCELLED)) {
            return Optional.empty();
        }
        Instant start = Optional.ofNullable(reached.get(OrderStatus.DELIVERED))
                .or(() -> Optional.ofNullable(reached.get(OrderStatus.FULFILLED)))
                .orElse(reached.get(OrderStatus.PLACED));
        return Optional.ofNullable(start).map(at -> at.plus(window));
    }

    void ship(@Nullable Shipment reported) {
        if (reported != null && !reported.isEmpty()) {
            shipment = shipment == null ? reported : shipment.updatedBy(reported);
        }
    }

    Map<OrderStatus, Instant> reached() {
        return Map.copyOf(reached);
    }

    CustomerOrder toOrder(Duration window) {
        return new CustomerOrder(
                orderId,
                status(),
                total,
                currency,
                at(OrderStatus.PLACED),
                at(OrderStatus.PAID),
                at(OrderStatus.FULFILLED),
                at(OrderStatus.DELIVERED),
                returnWindowClosesAt(window).orElse(null),
                at(OrderStatus.RETURN_WINDOW_CLOSED),
                at(OrderStatus.REFUNDED),
                at(OrderStatus.CANCELLED),
                shipment);
    }
}
