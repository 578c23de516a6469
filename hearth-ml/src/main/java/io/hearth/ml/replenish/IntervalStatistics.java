package io.hearth.ml.replenish;

import java.util.List;

/** Moment estimates of an {@link IntervalPrior} from customers' log intervals, and shrinkage between priors. */
final class IntervalStatistics {

    /** Pseudo-intervals of the parent prior added to an item's own when estimating its mean and spread. */
    static final double MEAN_PSEUDO_COUNT = 10;
    /** Pseudo-customers of the parent prior added when estimating the spread between customers. */
    static final double BETWEEN_PSEUDO_COUNT = 5;
    /** Floor of both variances (log-days²), so a handful of identical intervals cannot claim certainty. */
    static final double MIN_VARIANCE = 0.01;

    private IntervalStatistics() {}

    /** The prior of a population whose customers have these log intervals (each array non-empty). */
    static IntervalPrior estimate(List<double[]> customers, IntervalPrior parent) {
        int total = 0;
        double sum = 0;
        double withinSquares = 0;
        int withinDegrees = 0;
        for (double[] own : customers) {
            double ownMean = mean(own);
            total += own.length;
            sum += ownMean * own.length;
            for (double x : own) {
                withinSquares += (x - ownMean) * (x - ownMean);
            }
            withinDegrees += own.length - 1;
        }
        double mean = (sum + MEAN_PSEUDO_COUNT * parent.mean()) / (total + MEAN_PSEUDO_COUNT);
        double within =
                (withinSquares + MEAN_PSEUDO_COUNT * parent.withinVariance()) / (withinDegrees + MEAN_PSEUDO_COUNT);
        double betweenSquares = 0;
        for (double[] own : customers) {
            double ownMean = mean(own);
            // The spread of customer means includes their sampling noise within/n, which is not between-customer.
            betweenSquares += (ownMean - mean) * (ownMean - mean) - within / own.length;
        }
        double between = (Math.max(0, betweenSquares) + BETWEEN_PSEUDO_COUNT * parent.betweenVariance())
                / (customers.size() + BETWEEN_PSEUDO_COUNT);
        return new IntervalPrior(mean, Math.max(MIN_VARIANCE, between), Math.max(MIN_VARIANCE, within), total);
    }

    /** The prior of all intervals with no parent to shrink toward: plain moments. */
    static IntervalPrior global(List<double[]> customers) {
        IntervalPrior vague = new IntervalPrior(0, 1, 1, 0);
        IntervalPrior first = estimate(customers, vague);
        // A second pass shrinks toward the first, so the vague start leaves only a negligible trace.
        return estimate(customers, first);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
