package io.hearth.profiles.internal;

import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.OrderStatusChanged;
import io.hearth.profiles.OrdersChanged;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves orders through their lifecycle as order events arrive and announces each step once, all the
 * steps of a pass in one {@link OrdersChanged}. Runs in
 * the identity-resolution transaction, so an order follows its customer's profile.
 */
@Component
class OrderLifecycle {

    private static final Map<String, List<OrderStatus>> STEPS = Map.of(
            "Order Completed", List.of(OrderStatus.PLACED, OrderStatus.PAID),
            "Order Fulfilled", List.of(OrderStatus.FULFILLED),
            "Order Delivered", List.of(OrderStatus.DELIVERED),
            "Order Refunded", List.of(OrderStatus.REFUNDED),
            "Order Cancelled", List.of(OrderStatus.CANCELLED));

    private final OrderStore store;
    private final ApplicationEventPublisher publisher;
    private final Duration returnWindow;

    OrderLifecycle(OrderStore store, ApplicationEventPublisher publisher, ProfileSettings settings) {
        this.store = store;
        this.publisher = publisher;
        this.returnWindow = settings.returnWindow();
    }

    static boolean isLifecycleEvent(String event) {
        return STEPS.containsKey(event);
    }

    void apply(TenantId tenant, List<EventFacts> events, Map<UUID, CustomerId> placements, Instant now) {
        List<EventFacts> steps = events.stream()
                .filter(event -> event.orderId() != null && event.event() != null && STEPS.containsKey(event.event()))
                .filter(event -> placements.containsKey(event.eventId()))
                .sorted(Comparator.comparing(EventFacts::occurredAt))
                .toList();
        if (steps.isEmpty()) {
            return;
        }
        Map<String, OrderRow> orders = new LinkedHashMap<>(
                store.load(steps.stream().map(EventFacts::orderId).distinct().toList()));
        List<OrderStatusChanged> changes = new ArrayList<>();
        for (EventFacts event : steps) {
            CustomerId customer = placements.get(event.eventId());
            OrderRow order = orders.computeIfAbsent(event.orderId(), id -> new OrderRow(id, customer));
            if ("Order Completed".equals(event.event())) {
                order.customer = customer;
                order.total = event.amount();
                order.currency = event.currency();
            }
            order.ship(event.shipment());
            for (OrderStatus status : STEPS.get(event.event())) {
                if (order.reach(status, event.occurredAt())) {
                    changes.add(new OrderStatusChanged(
                            tenant,
                            order.customer,
                            order.orderId,
                            status,
                            event.occurredAt(),
                            order.total,
                            order.currency));
                }
            }
        }
        store.save(tenant, orders.values(), returnWindow, now);
        if (!changes.isEmpty()) {
            publisher.publishEvent(new OrdersChanged(tenant, changes));
        }
    }
}
