package io.hearth.ml.replenish;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Hierarchical log-normal model of repurchase intervals: a global prior, one prior per item shrunk
 * toward it, and per customer a normal-normal posterior of their typical interval shrunk toward the
 * item's. The forecast is the conditional distribution of the next purchase given that none has
 * happened between the last purchase and the moment asked about, so an overdue customer is not
 * forecast into the past.
 *
 * <p>Intervals are between distinct purchase days (UTC), so several orders on one day count once.
 */
public final class ReplenishmentModel {

    private static final double DAY_SECONDS = 86_400;

    private final Map<String, IntervalPrior> itemPriors;
    private final IntervalPrior globalPrior;

    private ReplenishmentModel(Map<String, IntervalPrior> itemPriors, IntervalPrior globalPrior) {
        this.itemPriors = Map.copyOf(itemPriors);
        this.globalPrior = requireNonNull(globalPrior, "globalPrior is null");
    }

    /** Restores a model from stored priors. */
    public static ReplenishmentModel of(Map<String, IntervalPrior> itemPriors, IntervalPrior globalPrior) {
        return new ReplenishmentModel(itemPriors, globalPrior);
    }

    /**
     * Learns the priors from purchases.
     *
     * @throws IllegalArgumentException when no customer bought any item on two different days
     */
    public static ReplenishmentModel fit(Collection<Purchase> purchases) {
        Map<String, Map<String, TreeSet<LocalDate>>> daysByItem = new HashMap<>();
        for (Purchase purchase : purchases) {
            daysByItem
                    .computeIfAbsent(purchase.itemId(), item -> new HashMap<>())
                    .computeIfAbsent(purchase.customerId(), customer -> new TreeSet<>())
                    .add(day(purchase.at()));
        }
        Map<String, List<double[]>> intervalsByItem = new HashMap<>();
        List<double[]> all = new ArrayList<>();
        daysByItem.forEach((item, customers) -> customers.values().forEach(days -> {
            double[] intervals = logIntervals(days);
            if (intervals.length > 0) {
                intervalsByItem.computeIfAbsent(item, key -> new ArrayList<>()).add(intervals);
                all.add(intervals);
            }
        }));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no repeat purchases to learn intervals from");
        }
        IntervalPrior global = IntervalStatistics.global(all);
        Map<String, IntervalPrior> priors = new HashMap<>();
        intervalsByItem.forEach((item, customers) -> priors.put(item, IntervalStatistics.estimate(customers, global)));
        return new ReplenishmentModel(priors, global);
    }

    /** The item's prior, or the global one for an item never bought twice by anyone. */
    public IntervalPrior prior(String itemId) {
        return itemPriors.getOrDefault(itemId, globalPrior);
    }

    /** The per-item priors, for storage. */
    public Map<String, IntervalPrior> itemPriors() {
        return itemPriors;
    }

    /** The prior of all items together. */
    public IntervalPrior globalPrior() {
        return globalPrior;
    }

    /**
     * When the customer will buy the item again, from their own purchases of it before {@code asOf}.
     * Empty when they have none.
     */
    public Optional<ReplenishmentForecast> forecast(
            String customerId, String itemId, Collection<Instant> ownPurchases, Instant asOf) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Instant last = Instant.MIN;
        for (Instant at : ownPurchases) {
            if (at.isBefore(asOf)) {
                days.add(day(at));
                last = at.isAfter(last) ? at : last;
            }
        }
        if (days.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(forecast(customerId, itemId, logIntervals(days), last, asOf));
    }

    private ReplenishmentForecast forecast(String customerId, String itemId, double[] own, Instant last, Instant asOf) {
        IntervalPrior prior = prior(itemId);
        double ownPrecision = own.length / prior.withinVariance();
        double precision = 1 / prior.betweenVariance() + ownPrecision;
        double weight = ownPrecision / precision;
        double typical =
                own.length == 0 ? prior.mean() : (1 - weight) * prior.mean() + weight * IntervalStatistics.mean(own);
        double spread = Math.sqrt(prior.withinVariance() + 1 / precision);
        double elapsedDays = Math.max(0, Duration.between(last, asOf).toSeconds() / DAY_SECONDS);
        ConditionalLogNormal next = new ConditionalLogNormal(typical, spread, elapsedDays);
        return new ReplenishmentForecast(
                customerId,
                itemId,
                last.plus(days(next.quantile(0.5))),
                last.plus(days(next.quantile(0.25))),
                last.plus(days(next.quantile(0.75))),
                Math.exp(typical),
                weight);
    }

    private static double[] logIntervals(TreeSet<LocalDate> days) {
        double[] intervals = new double[Math.max(0, days.size() - 1)];
        LocalDate previous = null;
        int i = 0;
        for (LocalDate day : days) {
            if (previous != null) {
                intervals[i++] = Math.log(day.toEpochDay() - previous.toEpochDay());
            }
            previous = day;
        }
        return intervals;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Duration days(double days) {
        return Duration.ofSeconds(Math.round(days * DAY_SECONDS));
    }
}
