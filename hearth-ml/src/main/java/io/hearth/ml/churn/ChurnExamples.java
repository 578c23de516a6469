package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds labelled examples for a time-based backtest: features up to a cut-off, label from after it. */
public final class ChurnExamples {

    private ChurnExamples() {}

    /**
     * Features as of {@code cutoff}; a customer is churned when they made no purchase in
     * {@code [cutoff, cutoff + horizon)}. Orders after the cut-off never leak into the features.
     */
    public static List<LabelledExample> label(
            Collection<Order> orders, Collection<Engagement> engagements, Instant cutoff, Duration horizon) {
        requireNonNull(horizon, "horizon is null");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
        Instant windowEnd = cutoff.plus(horizon);
        Set<String> returned = new HashSet<>();
        for (Order order : orders) {
            boolean inWindow =
                    !order.placedAt().isBefore(cutoff) && order.placedAt().isBefore(windowEnd);
            if (inWindow && !order.refund()) {
                returned.add(order.customerId());
            }
        }
        return BehaviourFeatures.compute(orders, engagements, cutoff).stream()
                .map(vector -> new LabelledExample(vector, !returned.contains(vector.customerId())))
                .toList();
    }
}
