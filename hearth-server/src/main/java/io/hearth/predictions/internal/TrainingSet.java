package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.churn.Engagement;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's data for training: every live customer with at least one purchase, as of the cut-off.
 *
 * @param windowEnd the training cut-off; nothing after it is used
 * @param engagements the customers' opens, clicks and support contacts before the cut-off
 */
record TrainingSet(TenantId tenant, List<PurchaseHistory> customers, Instant windowEnd, List<Engagement> engagements) {

    TrainingSet {
        requireNonNull(tenant, "tenant is null");
        customers = customers.stream()
                .map(history -> history.until(windowEnd))
                .filter(history -> !history.isEmpty())
                .toList();
        engagements = engagements.stream()
                .filter(engagement -> engagement.at().isBefore(windowEnd))
                .toList();
    }

    TrainingSet(TenantId tenant, List<PurchaseHistory> customers, Instant windowEnd) {
        this(tenant, customers, windowEnd, List.of());
    }

    Instant windowStart() {
        return customers.stream()
                .map(history -> history.purchases().getFirst().at())
                .min(Instant::compareTo)
                .orElse(windowEnd);
    }

    long transactions() {
        return customers.stream()
                .mapToLong(history ->
                        CustomerFeatures.ofHistory(history, windowEnd).trips())
                .sum();
    }

    /** Median days between trips over every customer's intervals; empty when nobody bought twice. */
    java.util.Optional<Double> populationMedianDays() {
        List<Double> all = customers.stream()
                .flatMap(history -> CustomerFeatures.ofHistory(history, windowEnd).intervalsDays().stream())
                .toList();
        return CustomerFeatures.median(all);
    }
}
