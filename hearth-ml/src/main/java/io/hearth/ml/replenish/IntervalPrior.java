package io.hearth.ml.replenish;

/**
 * The population of repurchase intervals of one item, on the log-days scale: customer i's typical
 * log interval is drawn from N(mean, betweenVariance), and each of their intervals from
 * N(customer's typical, withinVariance).
 *
 * @param mean mean log interval (days) over the item's buyers
 * @param betweenVariance variance of the customers' typical log intervals around the mean
 * @param withinVariance variance of one customer's log intervals around their own typical one
 * @param intervals how many observed intervals the prior rests on
 */
public record IntervalPrior(double mean, double betweenVariance, double withinVariance, int intervals) {

    /** Validates the fields. */
    public IntervalPrior {
        if (!Double.isFinite(mean) || !(betweenVariance > 0) || !(withinVariance > 0) || intervals < 0) {
            throw new IllegalArgumentException("prior needs a finite mean, positive variances, intervals >= 0");
        }
    }

    /** The median interval, in days, for a new buyer of the item. */
    public double medianDays() {
        return Math.exp(mean);
    }
}
