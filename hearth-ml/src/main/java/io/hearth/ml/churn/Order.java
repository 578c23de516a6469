package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One order (or refund) of one customer, as the churn features see it.
 *
 * @param customerId opaque customer identifier
 * @param placedAt when the order was placed
 * @param amount order value, non-negative; for a refund the value refunded
 * @param categories categories or products in the order, for the breadth feature (may be empty)
 * @param refund whether this is a refund or cancellation rather than a purchase
 */
public record Order(String customerId, Instant placedAt, double amount, List<String> categories, boolean refund) {

    /** Validates and copies the fields. */
    public Order {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(placedAt, "placedAt is null");
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        if (!(amount >= 0) || !Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be non-negative and finite, got " + amount);
        }
    }

    /** A purchase (not a refund). */
    public static Order purchase(String customerId, Instant placedAt, double amount, List<String> categories) {
        return new Order(customerId, placedAt, amount, categories, false);
    }

    /** A refund or cancellation. */
    public static Order refund(String customerId, Instant placedAt, double amount) {
        return new Order(customerId, placedAt, amount, List.of(), true);
    }
}
