package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSummaryBuilderTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 3, 31);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2024, 6, 30);

    private static Transaction buy(String customer, int month, int day, double amount) {
        return new Transaction(customer, LocalDate.of(2024, month, day), amount);
    }

    @Test
    void countsOneTransactionPerCustomerDayAndSplitsCalibrationFromHoldout() {
        List<Transaction> transactions = List.of(
                buy("a", 1, 7, 10),
                buy("a", 1, 21, 20),
                buy("a", 1, 21, 5),
                buy("a", 3, 3, 35),
                buy("a", 4, 1, 99),
                buy("a", 4, 1, 1),
                buy("a", 7, 1, 50),
                buy("b", 3, 31, 12),
                buy("c", 4, 2, 8));
        List<CustomerSummary> summaries =
                new CustomerSummaryBuilder(CALIBRATION_END, HOLDOUT_END, PeriodUnit.WEEKS).build(transactions);

        assertThat(summaries).extracting(CustomerSummary::customerId).containsExactly("a", "b");
        CustomerSummary a = summaries.get(0);
        assertThat(a.statistics().frequency()).isEqualTo(2);
        assertThat(a.statistics().recency()).isCloseTo(56 / 7.0, within(1e-12));
        assertThat(a.statistics().age()).isCloseTo(84 / 7.0, within(1e-12));
        assertThat(a.meanRepeatSpend()).isCloseTo((25 + 35) / 2.0, within(1e-12));
        assertThat(a.holdoutTransactions()).isEqualTo(1);

        CustomerSummary b = summaries.get(1);
        assertThat(b.statistics()).isEqualTo(new SufficientStatistics(0, 0, 0));
        assertThat(b.isRepeatBuyer()).isFalse();
    }

    @Test
    void groupsIdenticalTriples() {
        GroupedStatistics grouped = GroupedStatistics.of(List.of(
                new SufficientStatistics(1, 2, 5),
                new SufficientStatistics(0, 0, 5),
                new SufficientStatistics(1, 2, 5),
                new SufficientStatistics(3, 4, 5)));
        assertThat(grouped.size()).isEqualTo(3);
        assertThat(grouped.customerCount()).isEqualTo(4);
        assertThat(grouped.maxFrequency()).isEqualTo(3);
        assertThat(grouped.weight).containsExactly(1, 2, 1);
    }
}
