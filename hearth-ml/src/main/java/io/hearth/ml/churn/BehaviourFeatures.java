package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@link FeatureVector}s as of a cut-off from orders and engagements strictly before it.
 *
 * <p>Only customers with at least one purchase before the cut-off get a vector: churn is defined for
 * customers who have bought. Rhythm features work on distinct purchase days (UTC), because several
 * invoices on one day are one shopping trip, as in the CLV models.
 */
public final class BehaviourFeatures {

    private static final double DAY_SECONDS = 86_400.0;

    private BehaviourFeatures() {}

    /** One vector per customer who purchased before {@code asOf}, in customer-id order. */
    public static List<FeatureVector> compute(
            Collection<Order> orders, Collection<Engagement> engagements, Instant asOf) {
        requireNonNull(asOf, "asOf is null");
        Map<String, List<Order>> ordersByCustomer = new TreeMap<>();
        for (Order order : orders) {
            if (order.placedAt().isBefore(asOf)) {
                ordersByCustomer
                        .computeIfAbsent(order.customerId(), id -> new ArrayList<>())
                        .add(order);
            }
        }
        Map<String, List<Engagement>> engagementsByCustomer = new HashMap<>();
        for (Engagement engagement : engagements) {
            if (engagement.at().isBefore(asOf)) {
                engagementsByCustomer
                        .computeIfAbsent(engagement.customerId(), id -> new ArrayList<>())
                        .add(engagement);
            }
        }
        List<FeatureVector> vectors = new ArrayList<>();
        ordersByCustomer.forEach((customerId, own) -> {
            if (own.stream().anyMatch(order -> !order.refund())) {
                vectors.add(
                        forCustomer(customerId, own, engagementsByCustomer.getOrDefault(customerId, List.of()), asOf));
            }
        });
        return List.copyOf(vectors);
    }

    /** The vector of one customer from their own orders and engagements (all before {@code asOf}). */
    static FeatureVector forCustomer(
            String customerId, List<Order> orders, List<Engagement> engagements, Instant asOf) {
        double[] values = new double[ChurnFeature.values().length];
        purchaseFeatures(orders, asOf, values);
        refundFeatures(orders, values);
        engagementFeatures(engagements, asOf, values);
        return new FeatureVector(customerId, values);
    }

    private static void purchaseFeatures(List<Order> orders, Instant asOf, double[] values) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Set<String> categories = new HashSet<>();
        double spend = 0;
        double recentSpend = 0;
        int purchases = 0;
        Instant last = Instant.MIN;
        Instant first = Instant.MAX;
        for (Order order : orders) {
            if (order.refund()) {
                continue;
            }
            purchases++;
            spend += order.amount();
            days.add(LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC));
            categories.addAll(order.categories());
            last = order.placedAt().isAfter(last) ? order.placedAt() : last;
            first = order.placedAt().isBefore(first) ? order.placedAt() : first;
            if (daysBetween(order.placedAt(), asOf) <= 90) {
                recentSpend += order.amount();
            }
        }
        set(values, ChurnFeature.RECENCY_DAYS, daysBetween(last, asOf));
        set(values, ChurnFeature.PURCHASE_DAYS, days.size());
        set(values, ChurnFeature.TOTAL_SPEND, spend);
        set(values, ChurnFeature.MEAN_ORDER_VALUE, spend / purchases);
        set(values, ChurnFeature.SPEND_LAST_90_DAYS, recentSpend);
        set(values, ChurnFeature.TENURE_DAYS, daysBetween(first, asOf));
        set(values, ChurnFeature.CATEGORY_BREADTH, categories.size());
        trendFeatures(days, asOf, values);
        rhythmFeatures(days, daysBetween(last, asOf), values);
    }

    private static void trendFeatures(TreeSet<LocalDate> days, Instant asOf, double[] values) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        int recent = days.subSet(today.minusDays(90), true, today, false).size();
        int previous = days.subSet(today.minusDays(180), true, today.minusDays(90), false)
                .size();
        set(values, ChurnFeature.PURCHASES_LAST_90_DAYS, recent);
        set(
                values,
                ChurnFeature.PURCHASE_TREND,
                recent + previous == 0 ? 0 : (recent - previous) / (double) (recent + previous));
    }

    private static void rhythmFeatures(TreeSet<LocalDate> days, double recency, double[] values) {
        List<Double> intervals = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                intervals.add((double) (day.toEpochDay() - previous.toEpochDay()));
            }
            previous = day;
        }
        double mean =
                intervals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double variance = intervals.stream()
                .mapToDouble(interval -> (interval - mean) * (interval - mean))
                .average()
                .orElse(Double.NaN);
        set(values, ChurnFeature.MEAN_INTERVAL_DAYS, mean);
        set(values, ChurnFeature.INTERVAL_VARIATION, intervals.size() < 2 ? Double.NaN : Math.sqrt(variance) / mean);
        set(values, ChurnFeature.OVERDUE_RATIO, intervals.isEmpty() ? Double.NaN : recency / mean);
    }

    private static void refundFeatures(List<Order> orders, double[] values) {
        int refunds = 0;
        double refunded = 0;
        double purchased = 0;
        for (Order order : orders) {
            if (order.refund()) {
                refunds++;
                refunded += order.amount();
            } else {
                purchased += order.amount();
            }
        }
        set(values, ChurnFeature.REFUND_COUNT, refunds);
        set(values, ChurnFeature.REFUND_SHARE, purchased > 0 ? refunded / purchased : 0);
    }

    private static void engagementFeatures(List<Engagement> engagements, Instant asOf, double[] values) {
        int recentTouches = 0;
        int supportContacts = 0;
        int negativeContacts = 0;
        double sinceLast = Double.NaN;
        for (Engagement engagement : engagements) {
            double age = daysBetween(engagement.at(), asOf);
            if (engagement.kind().supportContact()) {
                supportContacts += age <= 90 ? 1 : 0;
                negativeContacts += age <= 90 && engagement.kind() == Engagement.Kind.NEGATIVE_SUPPORT_CONTACT ? 1 : 0;
                continue;
            }
            recentTouches += age <= 30 ? 1 : 0;
            sinceLast = Double.isNaN(sinceLast) ? age : Math.min(sinceLast, age);
        }
        set(values, ChurnFeature.ENGAGEMENTS_LAST_30_DAYS, recentTouches);
        set(values, ChurnFeature.DAYS_SINCE_ENGAGEMENT, sinceLast);
        set(values, ChurnFeature.SUPPORT_CONTACTS_LAST_90_DAYS, supportContacts);
        set(values, ChurnFeature.NEGATIVE_SUPPORT_CONTACTS_LAST_90_DAYS, negativeContacts);
    }

    private static double daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / DAY_SECONDS;
    }

    private static void set(double[] values, ChurnFeature feature, double value) {
        values[feature.ordinal()] = value;
    }
}
