package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.testdata.OnlineRetail;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD and Gamma-Gamma on UCI Online Retail in weekly periods: calibration up to 2011-09-09,
 * holdout the 13 weeks to 2011-12-09, with the same holdout comparison as the CDNOW paper.
 */
class OnlineRetailClvEvaluationTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2011, 9, 9);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2011, 12, 9);

    @Test
    void weeklyFitForecastsTheHoldout() throws IOException {
        Assumptions.assumeTrue(OnlineRetail.present(), "online-retail data not found, skipping");
        List<Transaction> transactions = new ArrayList<>();
        for (OnlineRetail.Line line : OnlineRetail.lines()) {
            if (!line.cancellation() && line.unitPrice() > 0) {
                transactions.add(new Transaction(
                        line.customerId(),
                        LocalDate.ofInstant(line.at(), ZoneOffset.UTC),
                        line.quantity() * line.unitPrice()));
            }
        }
        List<CustomerSummary> cohort =
                new CustomerSummaryBuilder(CALIBRATION_END, HOLDOUT_END, PeriodUnit.WEEKS).build(transactions);
        GroupedStatistics grouped = GroupedStatistics.of(
                cohort.stream().map(CustomerSummary::statistics).toList());
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(grouped);
        BgNbdParameters p = fit.model().parameters();
        double holdoutWeeks = ChronoUnit.DAYS.between(CALIBRATION_END, HOLDOUT_END) / 7.0;
        int actual =
                cohort.stream().mapToInt(CustomerSummary::holdoutTransactions).sum();
        double predicted = cohort.stream()
                .mapToDouble(c -> fit.model().conditionalExpectedPurchases(holdoutWeeks, c.statistics()))
                .sum();
        System.out.printf(
                "Online retail BG/NBD (%d customers) r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.2f%n",
                cohort.size(), p.r(), p.alpha(), p.a(), p.b(), fit.logLikelihood());
        System.out.printf(
                "Holdout %.1f weeks: actual %d transactions, BG/NBD predicted %.1f (%+.1f%%)%n",
                holdoutWeeks, actual, predicted, 100 * (predicted - actual) / actual);
        printGroups(cohort, fit.model(), holdoutWeeks);

        List<SpendObservation> repeatBuyers = cohort.stream()
                .filter(CustomerSummary::hasRepeatSpend)
                .map(CustomerSummary::spend)
                .toList();
        ModelFit<GammaGammaModel> spend = GammaGammaModel.fit(repeatBuyers);
        System.out.printf(
                "Gamma-Gamma (%d repeat buyers) p=%.4f q=%.4f gamma=%.4f, population mean spend %.2f%n",
                repeatBuyers.size(),
                spend.model().parameters().p(),
                spend.model().parameters().q(),
                spend.model().parameters().gamma(),
                spend.model().populationMeanSpend());

        assertThat(fit.converged()).isTrue();
        assertThat(spend.converged()).isTrue();
        // The holdout is the pre-Christmas quarter, busier than the stationary model can know: it
        // under-forecasts (by about a quarter), so the bound is one-sided and says how far.
        assertThat(predicted).isBetween(0.7 * actual, 1.0 * actual);
        double[] means = groupMeans(cohort, fit.model(), holdoutWeeks);
        for (int group = 1; group < means.length; group++) {
            assertThat(means[group])
                    .as("forecast rises with calibration frequency")
                    .isGreaterThan(means[group - 1]);
        }
    }

    private static double[] groupMeans(List<CustomerSummary> cohort, BgNbdModel model, double weeks) {
        double[] sums = new double[8];
        int[] counts = new int[8];
        for (CustomerSummary customer : cohort) {
            int group = Math.min(customer.statistics().frequency(), 7);
            counts[group]++;
            sums[group] += model.conditionalExpectedPurchases(weeks, customer.statistics());
        }
        for (int group = 0; group < sums.length; group++) {
            sums[group] /= counts[group];
        }
        return sums;
    }

    private static void printGroups(List<CustomerSummary> cohort, BgNbdModel model, double weeks) {
        int groups = 8;
        double[] actual = new double[groups];
        double[] predicted = new double[groups];
        int[] customers = new int[groups];
        for (CustomerSummary customer : cohort) {
            int group = Math.min(customer.statistics().frequency(), groups - 1);
            customers[group]++;
            actual[group] += customer.holdoutTransactions();
            predicted[group] += model.conditionalExpectedPurchases(weeks, customer.statistics());
        }
        System.out.println("x (calibration)  customers  actual mean  BG/NBD mean");
        for (int group = 0; group < groups; group++) {
            String label = group == groups - 1 ? (groups - 1) + "+" : Integer.toString(group);
            System.out.printf(
                    "%-16s %9d %12.3f %12.3f%n",
                    label, customers[group], actual[group] / customers[group], predicted[group] / customers[group]);
        }
    }
}
