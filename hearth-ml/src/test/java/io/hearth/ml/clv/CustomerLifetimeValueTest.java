package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CustomerLifetimeValueTest {

    private final BgNbdModel purchases = new BgNbdModel(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    private final GammaGammaModel spend = new GammaGammaModel(new GammaGammaParameters(6.25, 3.74, 15.44));
    private final CustomerSummary customer =
            new CustomerSummary("c1", new SufficientStatistics(2, 30.43, 38.86), 40.0, 0);

    @Test
    void withoutDiscountingItIsExpectedSpendTimesExpectedPurchases() {
        CustomerLifetimeValue clv = new CustomerLifetimeValue(purchases, spend, PeriodUnit.WEEKS, 0);
        double expected = spend.conditionalExpectedSpend(2, 40.0)
                * purchases.conditionalExpectedPurchases(12 * 4.345, customer.statistics());
        assertThat(clv.expectedValue(customer, 12)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void discountingLowersTheValueMonthByMonth() {
        double undiscounted =
                new CustomerLifetimeValue(purchases, spend, PeriodUnit.WEEKS, 0).expectedValue(customer, 12);
        double discounted =
                new CustomerLifetimeValue(purchases, spend, PeriodUnit.WEEKS, 0.01).expectedValue(customer, 12);
        assertThat(discounted).isLessThan(undiscounted).isGreaterThan(undiscounted / Math.pow(1.01, 12));
        assertThat(new CustomerLifetimeValue(purchases, spend, PeriodUnit.WEEKS, 0.01).expectedValue(customer, 0))
                .isZero();
    }
}
