package io.hearth.predictions.internal;

import java.util.Optional;

/**
 * A customer's buying rhythm: the median days between their trips, shrunk toward the shop's median
 * when they have few intervals (weight n / (n + 2)), so one lucky repeat does not set the clock.
 *
 * @param populationMedianDays the shop's median interval; empty when unknown (nobody bought twice, or
 *     no trained version)
 */
record Rhythm(Optional<Double> populationMedianDays) {

    private static final double PRIOR_WEIGHT = 2;

    static Rhythm unknown() {
        return new Rhythm(Optional.empty());
    }

    /** Expected days between trips for this customer; empty when neither they nor the shop show one. */
    Optional<Double> expectedIntervalDays(CustomerFeatures customer) {
        int intervals = customer.intervalsDays().size();
        Optional<Double> own = customer.medianIntervalDays();
        if (own.isEmpty()) {
            return populationMedianDays;
        }
        if (populationMedianDays.isEmpty()) {
            return own;
        }
        return Optional.of(
                (intervals * own.get() + PRIOR_WEIGHT * populationMedianDays.get()) / (intervals + PRIOR_WEIGHT));
    }

    /** Recency over the expected interval: 1 means "due now", 3 means three rhythms overdue. */
    Optional<Double> overdueRatio(CustomerFeatures customer) {
        return customer.recencyDays()
                .flatMap(recency -> expectedIntervalDays(customer).map(interval -> recency / Math.max(1, interval)));
    }
}
