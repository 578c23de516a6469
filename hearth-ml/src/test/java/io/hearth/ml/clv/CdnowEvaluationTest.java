package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reproduces the published CDNOW figures (Fader, Hardie &amp; Lee 2005a/b) on the 1/10 cohort of 2,357
 * customers, and fits BG/NBD on the full master file. Skips when the shared data folder is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdnowEvaluationTest {

    private static final int WARM_UP_RUNS = 30;
    // The paper's figure 5 shows BG/NBD under the actual means by about a quarter for the customers with
    // one or two repeat purchases (a known weakness it discusses) and within 15% elsewhere (here -25%,
    // -25% and -2.5% to -14.5%): 30% lets that through and fails a forecast off the curve anywhere.
    private static final double GROUP_TOLERANCE = 0.30;
    private static final int TIMED_RUNS = 30;

    private List<CustomerSummary> cohort = List.of();
    private GroupedStatistics grouped = GroupedStatistics.of(List.of(new SufficientStatistics(0, 0, 1)));

    @BeforeAll
    void loadCohort() throws IOException {
        Assumptions.assumeTrue(Files.exists(CdnowData.sampleFile()), "CDNOW sample not found, skipping");
        cohort = CdnowData.weeklyBuilder().build(CdnowData.readSample());
        grouped = GroupedStatistics.of(
                cohort.stream().map(CustomerSummary::statistics).toList());
        System.out.printf(
                "CDNOW cohort: %d customers, %d distinct (x, t_x, T) triples%n", cohort.size(), grouped.size());
    }

    @Test
    void bgNbdReproducesThePaper() {
        assertThat(cohort).hasSize(2357);
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(grouped);
        BgNbdParameters p = fit.model().parameters();
        System.out.printf(
                "BG/NBD   r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.4f (%d iterations)%n",
                p.r(), p.alpha(), p.a(), p.b(), fit.logLikelihood(), fit.iterations());
        assertThat(fit.converged()).isTrue();
        assertSignificant(p.r(), 0.243);
        assertSignificant(p.alpha(), 4.414);
        assertSignificant(p.a(), 0.793);
        assertSignificant(p.b(), 2.426);
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.1));

        double unconditional = fit.model().expectedPurchases(78);
        double conditional = fit.model().conditionalExpectedPurchases(39, new SufficientStatistics(2, 30.43, 38.86));
        System.out.printf("BG/NBD   E[X(78)]=%.4f  E[Y(39) | 2, 30.43, 38.86]=%.4f%n", unconditional, conditional);
        assertSignificant(unconditional, 1.8576);
        assertSignificant(conditional, 1.226);
        printFitTime("BG/NBD cohort", () -> BgNbdModel.fit(grouped));
    }

    @Test
    void paretoNbdReproducesThePaper() {
        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(grouped);
        ParetoNbdParameters p = fit.model().parameters();
        System.out.printf(
                "Pareto/NBD r=%.4f alpha=%.4f s=%.4f beta=%.4f LL=%.4f (%d iterations)%n",
                p.r(), p.alpha(), p.s(), p.beta(), fit.logLikelihood(), fit.iterations());
        assertThat(fit.converged()).isTrue();
        assertSignificant(p.r(), 0.553);
        assertSignificant(p.alpha(), 10.578);
        assertSignificant(p.s(), 0.606);
        assertSignificant(p.beta(), 11.669);
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.1));
        double predicted = predictedHoldout(fit.model());
        System.out.printf("Pareto/NBD predicted holdout transactions: %.1f%n", predicted);
        printFitTime("Pareto/NBD cohort", () -> ParetoNbdModel.fit(grouped));
    }

    @Test
    void gammaGammaReproducesThePaper() {
        List<SpendObservation> repeatBuyers = cohort.stream()
                .filter(CustomerSummary::hasRepeatSpend)
                .map(CustomerSummary::spend)
                .toList();
        assertThat(repeatBuyers).hasSize(946);
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(repeatBuyers);
        GammaGammaParameters p = fit.model().parameters();
        System.out.printf(
                "Gamma-Gamma p=%.4f q=%.4f gamma=%.4f LL=%.4f, population mean spend %.2f%n",
                p.p(), p.q(), p.gamma(), fit.logLikelihood(), fit.model().populationMeanSpend());
        assertThat(fit.converged()).isTrue();
        assertSignificant(p.p(), 6.25);
        assertSignificant(p.q(), 3.74);
        assertSignificant(p.gamma(), 15.44);
        printFitTime("Gamma-Gamma cohort", () -> GammaGammaModel.fit(repeatBuyers));

        CustomerLifetimeValue clv =
                new CustomerLifetimeValue(BgNbdModel.fit(grouped).model(), fit.model(), PeriodUnit.WEEKS, 0.01);
        double total =
                cohort.stream().mapToDouble(c -> clv.expectedValue(c, 12)).sum();
        System.out.printf("12-month CLV at 1%%/month: cohort total $%.0f, mean $%.2f%n", total, total / cohort.size());
        assertThat(total / cohort.size()).isBetween(5.0, 100.0);
    }

    @Test
    void bgNbdHoldoutForecastMatchesThePaper() {
        BgNbdModel model = BgNbdModel.fit(grouped).model();
        int actual =
                cohort.stream().mapToInt(CustomerSummary::holdoutTransactions).sum();
        double predicted = predictedHoldout(model);
        System.out.printf(
                "Holdout weeks 40-78: actual %d repeat transactions, BG/NBD predicted %.1f%n", actual, predicted);
        assertThat(actual).isEqualTo(1882);
        assertThat(predicted).isCloseTo(1653, within(0.02 * 1653));
        assertFrequencyTable(model);
    }

    @Test
    void bgNbdFitsTheFullMasterFile() throws IOException {
        Assumptions.assumeTrue(Files.exists(CdnowData.masterFile()), "CDNOW master not found, skipping");
        List<CustomerSummary> master = CdnowData.weeklyBuilder().build(CdnowData.readMaster());
        GroupedStatistics masterGrouped = GroupedStatistics.of(
                master.stream().map(CustomerSummary::statistics).toList());
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(masterGrouped);
        BgNbdParameters p = fit.model().parameters();
        System.out.printf(
                "BG/NBD master (%d customers, %d triples) r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.2f%n",
                master.size(), masterGrouped.size(), p.r(), p.alpha(), p.a(), p.b(), fit.logLikelihood());
        assertThat(master).hasSize(23570);
        assertThat(fit.converged()).isTrue();
        assertThat(p.r()).isBetween(0.15, 0.4);
        assertThat(p.alpha()).isBetween(3.0, 7.0);
        assertThat(p.a()).isBetween(0.4, 1.2);
        assertThat(p.b()).isBetween(1.5, 4.0);
        printFitTime("BG/NBD master", () -> BgNbdModel.fit(masterGrouped));

        List<SpendObservation> repeatBuyers = master.stream()
                .filter(CustomerSummary::hasRepeatSpend)
                .map(CustomerSummary::spend)
                .toList();
        GammaGammaParameters spend = GammaGammaModel.fit(repeatBuyers).model().parameters();
        System.out.printf(
                "Gamma-Gamma master (%d repeat buyers) p=%.4f q=%.4f gamma=%.4f%n",
                repeatBuyers.size(), spend.p(), spend.q(), spend.gamma());
        assertThat(spend.q()).isGreaterThan(1);
    }

    private double predictedHoldout(PurchaseModel model) {
        return cohort.stream()
                .mapToDouble(c -> model.conditionalExpectedPurchases(CdnowData.HOLDOUT_WEEKS, c.statistics()))
                .sum();
    }

    /**
     * Mean holdout purchases per calibration frequency 0..6 and 7+, as in figure 5 of the BG/NBD paper
     * (conditional expectations): the groups are the paper's (its histogram of calibration-period repeat
     * transactions), each group's mean forecast is within {@value #GROUP_TOLERANCE} of what the group
     * bought, and both rise with the frequency, as the paper's curves do.
     */
    private void assertFrequencyTable(BgNbdModel model) {
        int groups = 8;
        double[] actual = new double[groups];
        double[] predicted = new double[groups];
        int[] customers = new int[groups];
        for (CustomerSummary customer : cohort) {
            int group = Math.min(customer.statistics().frequency(), groups - 1);
            customers[group]++;
            actual[group] += customer.holdoutTransactions();
            predicted[group] += model.conditionalExpectedPurchases(CdnowData.HOLDOUT_WEEKS, customer.statistics());
        }
        System.out.println("x (calibration)  customers  actual mean  BG/NBD mean  error");
        for (int group = 0; group < groups; group++) {
            actual[group] /= customers[group];
            predicted[group] /= customers[group];
            String label = group == groups - 1 ? (groups - 1) + "+" : Integer.toString(group);
            System.out.printf(
                    "%-16s %9d %12.3f %12.3f %+6.1f%%%n",
                    label,
                    customers[group],
                    actual[group],
                    predicted[group],
                    100 * (predicted[group] - actual[group]) / actual[group]);
        }
        assertThat(customers).containsExactly(1411, 439, 214, 100, 62, 38, 29, 64);
        for (int group = 0; group < groups; group++) {
            assertThat(predicted[group])
                    .as("BG/NBD mean holdout purchases of calibration-frequency group %d", group)
                    .isCloseTo(actual[group], within(GROUP_TOLERANCE * actual[group]));
        }
        for (int group = 1; group < groups; group++) {
            assertThat(actual[group]).as("actual mean of group %d", group).isGreaterThan(actual[group - 1]);
            assertThat(predicted[group]).as("predicted mean of group %d", group).isGreaterThan(predicted[group - 1]);
        }
    }

    /** Warm-up runs first so the JIT has compiled the hot loops; then the median of timed runs. */
    private static void printFitTime(String label, Supplier<?> fit) {
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            fit.get();
        }
        double[] millis = new double[TIMED_RUNS];
        for (int run = 0; run < TIMED_RUNS; run++) {
            long start = System.nanoTime();
            fit.get();
            millis[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "Fit time %s: median %.2f ms, min %.2f ms over %d warm runs%n",
                label, millis[TIMED_RUNS / 2], millis[0], TIMED_RUNS);
    }

    /** Both numbers agree when rounded to three significant digits of the expected value. */
    private static void assertSignificant(double actual, double expected) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 2);
        assertThat(Math.round(actual / unit) * unit).isCloseTo(Math.round(expected / unit) * unit, within(unit / 2));
    }
}
