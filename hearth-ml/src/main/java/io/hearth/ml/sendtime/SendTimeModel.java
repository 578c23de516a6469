package io.hearth.ml.sendtime;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;

/**
 * Empirical-Bayes send time: the population's engagement over the 168 hours of the week is a Dirichlet
 * prior worth {@code priorEvents} pseudo-events; a customer's posterior adds their own counts. Both are
 * smoothed over the neighbouring hours (a 1-2-1 circular kernel) before taking the best hour, because
 * an open at 10:05 says little against one at 9:55.
 */
public final class SendTimeModel {

    static final int HOURS = 168;

    private final double[] population;
    private final double priorEvents;
    private final ZoneId zone;

    private SendTimeModel(double[] population, double priorEvents, ZoneId zone) {
        this.population = population;
        this.priorEvents = priorEvents;
        this.zone = zone;
    }

    /**
     * The population profile from all customers' engagement times (opens, clicks, visits).
     *
     * @param priorEvents how many own events weigh as much as the population (10 is a sound default)
     * @param zone the shop's zone, in which hours are counted
     */
    public static SendTimeModel fit(Collection<Instant> allEngagements, double priorEvents, ZoneId zone) {
        requireNonNull(zone, "zone is null");
        if (!(priorEvents > 0)) {
            throw new IllegalArgumentException("priorEvents must be positive, got " + priorEvents);
        }
        double[] counts = counts(allEngagements, zone);
        double total = allEngagements.size() + HOURS;
        for (int hour = 0; hour < HOURS; hour++) {
            // One pseudo-event per hour keeps a shop with little data from ruling any hour out.
            counts[hour] = (counts[hour] + 1) / total;
        }
        return new SendTimeModel(counts, priorEvents, zone);
    }

    /** Restores a model from its stored population shares. */
    public static SendTimeModel of(double[] populationShares, double priorEvents, ZoneId zone) {
        if (populationShares.length != HOURS) {
            throw new IllegalArgumentException("need 168 population shares");
        }
        return new SendTimeModel(populationShares.clone(), priorEvents, requireNonNull(zone, "zone is null"));
    }

    /** Population share per hour of week, Monday 00:00 first. */
    public double[] populationShares() {
        return population.clone();
    }

    /** The best hour for a customer with these engagement times (the population's best when none). */
    public SendTime recommend(String customerId, Collection<Instant> ownEngagements) {
        double[] own = counts(ownEngagements, zone);
        int n = ownEngagements.size();
        double[] posterior = new double[HOURS];
        for (int hour = 0; hour < HOURS; hour++) {
            posterior[hour] = (own[hour] + priorEvents * population[hour]) / (n + priorEvents);
        }
        double[] smoothed = smooth(posterior);
        int best = 0;
        for (int hour = 1; hour < HOURS; hour++) {
            best = smoothed[hour] > smoothed[best] ? hour : best;
        }
        return new SendTime(
                customerId, DayOfWeek.of(best / 24 + 1), best % 24, smoothed[best], n / (n + priorEvents), n);
    }

    private static double[] counts(Collection<Instant> instants, ZoneId zone) {
        double[] counts = new double[HOURS];
        for (Instant at : instants) {
            counts[SendTime.hourOfWeek(at, zone)]++;
        }
        return counts;
    }

    /** 1-2-1 weights over the previous, same and next hour, wrapping Sunday night to Monday morning. */
    static double[] smooth(double[] shares) {
        double[] smoothed = new double[HOURS];
        for (int hour = 0; hour < HOURS; hour++) {
            smoothed[hour] = (shares[(hour + HOURS - 1) % HOURS] + 2 * shares[hour] + shares[(hour + 1) % HOURS]) / 4;
        }
        return smoothed;
    }
}
