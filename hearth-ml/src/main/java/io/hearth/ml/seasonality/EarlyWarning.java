package io.hearth.ml.seasonality;

import io.hearth.ml.stats.Normal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Early warnings as pure functions: the server calls them on each relevant event or on a schedule,
 * and raises {@code PredictionChanged} when one appears or goes away.
 *
 * @param threshold probability below which something counts as a warning (0.05 by default)
 */
public record EarlyWarning(double threshold) {

    /** Intervals needed before a customer's rhythm is trusted. */
    static final int MIN_INTERVALS = 3;
    /** Floor of the log-interval standard deviation, so a perfectly regular customer is not alarmed in a day. */
    static final double MIN_LOG_SPREAD = 0.25;
    /** Fewest recent events that can count as an anomaly: one failed delivery is not a pattern. */
    static final int MIN_ANOMALY_EVENTS = 3;

    /** Validates the threshold. */
    public EarlyWarning {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
    }

    /**
     * A warning when the time since the last purchase day is improbably long under a log-normal fit
     * of the customer's own intervals, optionally stretched by a seasonal index (0.5 in a month that
     * runs at half the usual activity doubles the expected interval).
     */
    public Optional<RhythmBreak> rhythmBreak(
            String customerId, Collection<Instant> purchases, Instant asOf, double seasonalIndex) {
        TreeSet<Long> days = new TreeSet<>();
        purchases.stream()
                .filter(at -> at.isBefore(asOf))
                .forEach(at -> days.add(LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay()));
        if (days.size() <= MIN_INTERVALS || !(seasonalIndex > 0)) {
            return Optional.empty();
        }
        double sum = 0;
        double squares = 0;
        Long previous = null;
        for (long day : days) {
            if (previous != null) {
                double log = Math.log(day - previous);
                sum += log;
                squares += log * log;
            }
            previous = day;
        }
        int n = days.size() - 1;
        double mean = sum / n + Math.log(1 / seasonalIndex);
        double spread = Math.max(MIN_LOG_SPREAD, Math.sqrt(Math.max(0, squares / n - (sum / n) * (sum / n))));
        double elapsed = (asOf.getEpochSecond() / 86_400.0) - days.last();
        if (elapsed <= 0) {
            return Optional.empty();
        }
        double probability = 1 - Normal.cdf((Math.log(elapsed) - mean) / spread);
        return probability < threshold
                ? Optional.of(new RhythmBreak(customerId, elapsed, Math.exp(mean), probability))
                : Optional.empty();
    }

    /**
     * A warning when the events of the last {@code recent} are improbably many for the rate of the
     * {@code baseline} before it (Poisson tail), and at least {@link #MIN_ANOMALY_EVENTS}.
     */
    public Optional<SignalAnomaly> signalAnomaly(
            String signal, Collection<Instant> events, Instant asOf, Duration recent, Duration baseline) {
        Instant recentStart = asOf.minus(recent);
        Instant baselineStart = recentStart.minus(baseline);
        int recentCount = 0;
        int baselineCount = 0;
        for (Instant at : events) {
            if (!at.isBefore(recentStart) && at.isBefore(asOf)) {
                recentCount++;
            } else if (!at.isBefore(baselineStart) && at.isBefore(recentStart)) {
                baselineCount++;
            }
        }
        // Half an event of prior in the baseline keeps a signal never seen before from having rate 0.
        double expected = (baselineCount + 0.5) * recent.toSeconds() / baseline.toSeconds();
        double probability = poissonTail(recentCount, expected);
        boolean anomalous = recentCount >= MIN_ANOMALY_EVENTS && probability < threshold;
        return anomalous
                ? Optional.of(new SignalAnomaly(signal, recentCount, expected, probability))
                : Optional.empty();
    }

    /** P(X ≥ k) for X ~ Poisson(mean), summing the lower terms in log space. */
    static double poissonTail(int k, double mean) {
        double below = 0;
        double logTerm = -mean;
        for (int i = 0; i < k; i++) {
            below += Math.exp(logTerm);
            logTerm += Math.log(mean) - Math.log(i + 1);
        }
        return Math.max(0, 1 - below);
    }
}
