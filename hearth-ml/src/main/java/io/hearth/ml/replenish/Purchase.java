package io.hearth.ml.replenish;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One purchase of one item by one customer.
 *
 * @param customerId opaque customer identifier
 * @param itemId the product, SKU or category whose replenishment is predicted
 * @param at when it was bought
 */
public record Purchase(String customerId, String itemId, Instant at) {

    /** Validates the fields. */
    public Purchase {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(itemId, "itemId is null");
        requireNonNull(at, "at is null");
    }
}
