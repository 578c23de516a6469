package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

/**
 * Everything the CLV models use about one customer, built by {@link CustomerSummaryBuilder}.
 *
 * @param customerId the customer
 * @param statistics repeat transactions, recency and age in the calibration window
 * @param meanRepeatSpend mean value of the repeat transactions in calibration (0 without repeats);
 *     the first purchase is left out, as in Fader, Hardie &amp; Lee's spend model
 * @param holdoutTransactions transactions (customer-days) after calibration, up to the holdout end
 */
public record CustomerSummary(
        String customerId, SufficientStatistics statistics, double meanRepeatSpend, int holdoutTransactions) {

    /** Validates the fields. */
    public CustomerSummary {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(statistics, "statistics is null");
        if (!Double.isFinite(meanRepeatSpend) || holdoutTransactions < 0) {
            throw new IllegalArgumentException("meanRepeatSpend must be finite and holdoutTransactions >= 0");
        }
    }

    /**
     * The observation the Gamma-Gamma model needs.
     *
     * @throws IllegalArgumentException unless {@link #hasRepeatSpend()}
     */
    public SpendObservation spend() {
        return new SpendObservation(statistics.frequency(), meanRepeatSpend);
    }

    /** Whether the customer bought again after the first purchase within calibration. */
    public boolean isRepeatBuyer() {
        return statistics.frequency() > 0;
    }

    /**
     * Whether the customer can enter a Gamma-Gamma fit: a repeat buyer whose repeat transactions have
     * a positive mean value (free or fully refunded orders would make the spend likelihood undefined).
     */
    public boolean hasRepeatSpend() {
        return isRepeatBuyer() && meanRepeatSpend > 0;
    }
}
