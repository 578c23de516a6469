package io.hearth.ml.replenish;

import io.hearth.ml.stats.Normal;

/**
 * A log-normal interval T, conditioned on T exceeding the time already elapsed: the quantile q is
 * the t with P(T ≤ t | T > elapsed) = q.
 */
record ConditionalLogNormal(double logMedian, double logSpread, double elapsedDays) {

    /** Keeps the normal quantile finite when the customer is far past any plausible interval. */
    private static final double MAX_PROBABILITY = 1 - 1e-12;

    double quantile(double q) {
        double survival = elapsedDays <= 0 ? 1 : 1 - Normal.cdf((Math.log(elapsedDays) - logMedian) / logSpread);
        double probability = Math.min(MAX_PROBABILITY, 1 - (1 - q) * survival);
        double days = Math.exp(logMedian + logSpread * Normal.quantile(probability));
        return Math.max(days, elapsedDays);
    }
}
