package io.hearth.ml.seasonality;

import static java.util.Objects.requireNonNull;

/**
 * A signal (failed deliveries, payment errors, complaints) arriving much faster than its baseline.
 *
 * @param signal what was counted
 * @param recentCount events in the recent window
 * @param expectedCount events the baseline rate predicts for that window
 * @param probability Poisson chance of at least {@code recentCount} at the baseline rate
 */
public record SignalAnomaly(String signal, int recentCount, double expectedCount, double probability) {

    /** Validates the fields. */
    public SignalAnomaly {
        requireNonNull(signal, "signal is null");
    }
}
