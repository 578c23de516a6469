package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.churn.Engagement;
import io.hearth.profiles.ComputedAttributes.RfmScore;
import io.hearth.shared.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the models know about one customer as of one instant. Purchases on the same day count as one
 * shopping trip, as in the CLV literature.
 *
 * @param engagementByHour events per hour of the week (0 = Monday 00:00 UTC), 168 entries
 * @param lastSeenAt the customer's last event of any kind; null when unknown
 * @param rfm the profile's RFM quintiles; null without orders or when not computed yet
 * @param troubleEvents the times of the customer's recent trouble events (failed deliveries, payment
 *     errors), by event name
 * @param engagements the customer's opens, clicks and support contacts before {@code asOf}
 */
record CustomerFeatures(
        CustomerId customer,
        Instant asOf,
        PurchaseHistory history,
        int[] engagementByHour,
        @Nullable Instant lastSeenAt,
        @Nullable RfmScore rfm,
        Map<String, List<Instant>> troubleEvents,
        List<Engagement> engagements) {

    static final int HOURS_OF_WEEK = 168;

    CustomerFeatures {
        requireNonNull(customer, "customer is null");
        requireNonNull(asOf, "asOf is null");
        history = history.until(asOf);
        if (engagementByHour.length != HOURS_OF_WEEK) {
            throw new IllegalArgumentException("engagementByHour needs 168 entries");
        }
        engagementByHour = engagementByHour.clone();
        troubleEvents = Map.copyOf(troubleEvents);
        engagements = List.copyOf(engagements);
    }

    /** Features from orders alone, as the rules' backtest reads them for every customer. */
    static CustomerFeatures ofHistory(PurchaseHistory history, Instant asOf) {
        return new CustomerFeatures(
                history.customer(), asOf, history, new int[HOURS_OF_WEEK], null, null, Map.of(), List.of());
    }

    /** Distinct purchase days, oldest first. */
    List<LocalDate> purchaseDays() {
        TreeSet<LocalDate> days = new TreeSet<>();
        history.purchases().forEach(p -> days.add(LocalDate.ofInstant(p.at(), ZoneOffset.UTC)));
        return List.copyOf(days);
    }

    int trips() {
        return purchaseDays().size();
    }

    boolean hasOrders() {
        return !history.isEmpty();
    }

    /** Days since the last purchase; empty without orders. */
    Optional<Double> recencyDays() {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(days(history.purchases().getLast().at(), asOf));
    }

    Optional<Instant> lastPurchase() {
        return history.isEmpty()
                ? Optional.empty()
                : Optional.of(history.purchases().getLast().at());
    }

    /** Days between consecutive shopping trips. */
    List<Double> intervalsDays() {
        List<LocalDate> days = purchaseDays();
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            intervals.add((double) (days.get(i).toEpochDay() - days.get(i - 1).toEpochDay()));
        }
        return intervals;
    }

    Optional<Double> medianIntervalDays() {
        return median(intervalsDays());
    }

    double meanSpend() {
        return history.purchases().stream()
                .mapToDouble(Purchase::amount)
                .average()
                .orElse(0);
    }

    double refundRate() {
        if (history.isEmpty()) {
            return 0;
        }
        return history.purchases().stream().filter(Purchase::refunded).count()
                / (double) history.purchases().size();
    }

    Optional<Double> daysSinceSeen() {
        return lastSeenAt == null ? Optional.empty() : Optional.of(days(lastSeenAt, asOf));
    }

    long engagementEvents() {
        return Arrays.stream(engagementByHour).asLongStream().sum();
    }

    static Optional<Double> median(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return Optional.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    static double days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes() / 1440.0);
    }

    /** The hour of the week of an instant, Monday 00:00 UTC being 0. */
    static int hourOfWeek(Instant at) {
        var time = at.atOffset(ZoneOffset.UTC);
        return (time.getDayOfWeek().getValue() - 1) * 24 + time.getHour();
    }
}
