package io.hearth.ml.replenish;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * When a customer is expected to buy an item again.
 *
 * @param customerId the customer
 * @param itemId the item
 * @param expectedAt median of the next purchase time, given no purchase between the last one and asOf
 * @param earliest lower quartile of the same conditional distribution
 * @param latest upper quartile of the same conditional distribution
 * @param typicalIntervalDays the customer's typical interval after shrinkage (median, days)
 * @param ownWeight weight of the customer's own intervals against the item prior, in [0, 1)
 */
public record ReplenishmentForecast(
        String customerId,
        String itemId,
        Instant expectedAt,
        Instant earliest,
        Instant latest,
        double typicalIntervalDays,
        double ownWeight) {

    /** Validates the fields. */
    public ReplenishmentForecast {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(itemId, "itemId is null");
        requireNonNull(expectedAt, "expectedAt is null");
        requireNonNull(earliest, "earliest is null");
        requireNonNull(latest, "latest is null");
    }
}
