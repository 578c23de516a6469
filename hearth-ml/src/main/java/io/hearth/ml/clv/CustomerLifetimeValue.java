package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

/**
 * Expected discounted customer lifetime value from a purchase model and the Gamma-Gamma spend model.
 *
 * <p>Discounting follows the convention of the {@code lifetimes} Python library so figures can be
 * compared with it: the horizon is cut into months of {@link PeriodUnit#periodsPerMonth()} periods
 * (30 days, or 4.345 weeks), the expected purchases in month {@code i} are
 * {@code E[Y(i·m)] - E[Y((i-1)·m)]}, and that month's revenue is divided by {@code (1 + d)^i} for a
 * monthly discount rate {@code d}. Value is revenue (expected spend times purchases), not margin;
 * multiply by a margin outside if needed.
 */
public final class CustomerLifetimeValue {

    private final PurchaseModel purchases;
    private final GammaGammaModel spend;
    private final PeriodUnit unit;
    private final double monthlyDiscountRate;

    /**
     * @param purchases fitted BG/NBD or Pareto/NBD model
     * @param spend fitted Gamma-Gamma model
     * @param unit period the purchase model was fitted in
     * @param monthlyDiscountRate discount rate per month, e.g. 0.01 for 1 %
     */
    public CustomerLifetimeValue(
            PurchaseModel purchases, GammaGammaModel spend, PeriodUnit unit, double monthlyDiscountRate) {
        this.purchases = requireNonNull(purchases, "purchases is null");
        this.spend = requireNonNull(spend, "spend is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.monthlyDiscountRate = Checks.nonNegative(monthlyDiscountRate, "monthlyDiscountRate");
    }

    /** Expected discounted revenue over the next {@code months} months from one customer. */
    public double expectedValue(CustomerSummary customer, int months) {
        requireNonNull(customer, "customer is null");
        if (months < 0) {
            throw new IllegalArgumentException("months must be >= 0, got " + months);
        }
        SufficientStatistics history = customer.statistics();
        double expectedSpend = spend.conditionalExpectedSpend(history.frequency(), customer.meanRepeatSpend());
        double periodsPerMonth = unit.periodsPerMonth();
        double value = 0;
        double previous = 0;
        for (int month = 1; month <= months; month++) {
            double cumulative = purchases.conditionalExpectedPurchases(month * periodsPerMonth, history);
            value += expectedSpend * (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, month);
            previous = cumulative;
        }
        return value;
    }
}
