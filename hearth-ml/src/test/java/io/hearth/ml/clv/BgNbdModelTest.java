package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    private static final BgNbdParameters TRUTH = new BgNbdParameters(0.25, 4.0, 0.8, 2.5);

    private static final List<SufficientStatistics> CUSTOMERS = List.of(
            new SufficientStatistics(0, 0, 38.86),
            new SufficientStatistics(0, 0, 30),
            new SufficientStatistics(1, 20.5, 31),
            new SufficientStatistics(2, 30.43, 38.86),
            new SufficientStatistics(2, 30.43, 38.86),
            new SufficientStatistics(14, 35.1, 36.0));

    @Test
    void groupedLikelihoodMatchesTheTextbookFormulaCustomerByCustomer() {
        double expected = 0;
        for (SufficientStatistics customer : CUSTOMERS) {
            expected += textbookLogLikelihood(TRUTH, customer);
        }
        double grouped = BgNbdLikelihood.logLikelihood(TRUTH, GroupedStatistics.of(CUSTOMERS));
        assertThat(grouped).isCloseTo(expected, within(1e-10));
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        GroupedStatistics data = GroupedStatistics.of(CUSTOMERS);
        double[] gradient = new double[4];
        BgNbdLikelihood.evaluate(TRUTH, data, gradient);
        double[] values = {TRUTH.r(), TRUTH.alpha(), TRUTH.a(), TRUTH.b()};
        for (int i = 0; i < 4; i++) {
            double step = 1e-6 * values[i];
            double[] up = values.clone();
            double[] down = values.clone();
            up[i] += step;
            down[i] -= step;
            double numeric =
                    (BgNbdLikelihood.logLikelihood(of(up), data) - BgNbdLikelihood.logLikelihood(of(down), data))
                            / (2 * step);
            assertThat(gradient[i]).as("parameter %d", i).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
        }
    }

    @Test
    void recoversSimulatedParameters() {
        List<SufficientStatistics> customers = new Simulation(42).bgNbd(TRUTH, 40_000, 26, 39);
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(GroupedStatistics.of(customers));
        BgNbdParameters found = fit.model().parameters();
        System.out.println("BG/NBD simulated truth " + TRUTH + ", recovered " + found);
        assertThat(fit.converged()).isTrue();
        assertThat(found.r()).isCloseTo(TRUTH.r(), within(0.1 * TRUTH.r()));
        assertThat(found.alpha()).isCloseTo(TRUTH.alpha(), within(0.15 * TRUTH.alpha()));
        assertThat(found.a()).isCloseTo(TRUTH.a(), within(0.25 * TRUTH.a()));
        assertThat(found.b()).isCloseTo(TRUTH.b(), within(0.25 * TRUTH.b()));
    }

    @Test
    void aBrandNewCustomerExpectsThePopulationForecast() {
        BgNbdModel model = new BgNbdModel(TRUTH);
        SufficientStatistics newcomer = new SufficientStatistics(0, 0, 0);
        assertThat(model.conditionalExpectedPurchases(20, newcomer))
                .isCloseTo(model.expectedPurchases(20), within(1e-12));
        assertThat(model.probabilityAlive(newcomer)).isEqualTo(1.0);
    }

    @Test
    void forecastsBehaveSensibly() {
        BgNbdModel model = new BgNbdModel(TRUTH);
        assertThat(model.expectedPurchases(0)).isZero();
        assertThat(model.expectedPurchases(10)).isLessThan(model.expectedPurchases(20));
        SufficientStatistics recent = new SufficientStatistics(5, 38, 39);
        SufficientStatistics lapsed = new SufficientStatistics(5, 5, 39);
        assertThat(model.probabilityAlive(recent)).isGreaterThan(model.probabilityAlive(lapsed));
        assertThat(model.conditionalExpectedPurchases(10, recent))
                .isGreaterThan(model.conditionalExpectedPurchases(10, lapsed));
    }

    @Test
    void bridgesTheRemovableSingularityAtAEqualsOne() {
        double below = new BgNbdModel(new BgNbdParameters(0.3, 5, 1 - 1e-4, 2)).expectedPurchases(30);
        double at = new BgNbdModel(new BgNbdParameters(0.3, 5, 1, 2)).expectedPurchases(30);
        double above = new BgNbdModel(new BgNbdParameters(0.3, 5, 1 + 1e-4, 2)).expectedPurchases(30);
        assertThat(at).isCloseTo(0.5 * (below + above), within(1e-5));
    }

    private static BgNbdParameters of(double[] values) {
        return new BgNbdParameters(values[0], values[1], values[2], values[3]);
    }

    /** Equation (6) of the paper, written with log-gamma rather than running sums. */
    private static double textbookLogLikelihood(BgNbdParameters p, SufficientStatistics c) {
        int x = c.frequency();
        double logBeta = SpecialFunctions.logGamma(p.a())
                + SpecialFunctions.logGamma(p.b() + x)
                - SpecialFunctions.logGamma(p.a() + p.b() + x)
                - (SpecialFunctions.logGamma(p.a())
                        + SpecialFunctions.logGamma(p.b())
                        - SpecialFunctions.logGamma(p.a() + p.b()));
        double a1 =
                SpecialFunctions.logGamma(p.r() + x) - SpecialFunctions.logGamma(p.r()) + p.r() * Math.log(p.alpha());
        double alive = Math.pow(p.alpha() + c.age(), -(p.r() + x));
        double dead = x > 0 ? p.a() / (p.b() + x - 1) * Math.pow(p.alpha() + c.recency(), -(p.r() + x)) : 0;
        return a1 + logBeta + Math.log(alive + dead);
    }
}
