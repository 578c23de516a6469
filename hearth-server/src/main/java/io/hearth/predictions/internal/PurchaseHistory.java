package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A customer's purchases, oldest first; cancelled and never-placed orders are left out. */
record PurchaseHistory(CustomerId customer, List<Purchase> purchases) {

    PurchaseHistory {
        requireNonNull(customer, "customer is null");
        purchases = List.copyOf(purchases);
    }

    static PurchaseHistory of(CustomerId customer, List<CustomerOrder> orders) {
        return of(customer, orders, Map.of());
    }

    /** With what each order held, by order id (orders missing from the map held nothing known). */
    static PurchaseHistory of(CustomerId customer, List<CustomerOrder> orders, Map<String, OrderItems> items) {
        List<Purchase> purchases = orders.stream()
                .filter(order -> order.placedAt() != null && order.status() != OrderStatus.CANCELLED)
                .map(order -> purchase(order, items.getOrDefault(order.orderId(), OrderItems.NONE)))
                .sorted(Comparator.comparing(Purchase::at))
                .toList();
        return new PurchaseHistory(customer, purchases);
    }

    private static Purchase purchase(CustomerOrder order, OrderItems items) {
        boolean refunded = order.refundedAt() != null;
        double amount = refunded || order.total() == null ? 0 : order.total().doubleValue();
        return new Purchase(order.placedAt(), amount, refunded, items.products(), items.categories());
    }

    /** The purchases placed up to and including {@code cutOff}. */
    PurchaseHistory until(Instant cutOff) {
        return new PurchaseHistory(
                customer,
                purchases.stream().filter(p -> !p.at().isAfter(cutOff)).toList());
    }

    boolean isEmpty() {
        return purchases.isEmpty();
    }
}
