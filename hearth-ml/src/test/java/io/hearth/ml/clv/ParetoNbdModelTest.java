package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoNbdModelTest {

    private static final ParetoNbdParameters TRUTH = new ParetoNbdParameters(0.55, 10.5, 0.6, 11.7);

    @Test
    void hypergeometricTermEqualsTheDropOutIntegralOnBothBranches() {
        // α < β and α > β select different 2F1 forms; both must equal the integral they stand for.
        ParetoNbdParameters[] cases = {
            TRUTH, new ParetoNbdParameters(0.8, 30, 1.4, 2.5), new ParetoNbdParameters(2, 5, 0.3, 5)
        };
        SufficientStatistics customer = new SufficientStatistics(3, 12.5, 38);
        for (ParetoNbdParameters p : cases) {
            double integral = dropOutIntegral(p, customer);
            double viaSeries = Math.exp(ParetoNbdLikelihood.logDeadTerm(p, customer));
            assertThat(viaSeries).as("%s", p).isCloseTo(integral, within(1e-9 * integral));
        }
    }

    @Test
    void quadratureFallbackAgreesWithTheSeries() {
        ParetoNbdParameters[] cases = {TRUTH, new ParetoNbdParameters(0.8, 30, 1.4, 2.5)};
        SufficientStatistics[] customers = {
            new SufficientStatistics(0, 0, 38), new SufficientStatistics(3, 12.5, 38),
            new SufficientStatistics(60, 37.9, 38), new SufficientStatistics(2, 30.4, 30.5)
        };
        for (ParetoNbdParameters p : cases) {
            for (SufficientStatistics c : customers) {
                double series = ParetoNbdLikelihood.logDeadTerm(p, c);
                double quadrature = Math.log(p.s()) + DropOutIntegral.log(p, c.frequency(), c.recency(), c.age());
                assertThat(quadrature).as("%s %s", p, c).isCloseTo(series, within(1e-10));
            }
        }
    }

    @Test
    void staysFiniteWhenTheScalesDifferByOrdersOfMagnitude() {
        SufficientStatistics customer = new SufficientStatistics(5, 3, 38);
        for (ParetoNbdParameters p : new ParetoNbdParameters[] {
            new ParetoNbdParameters(0.5, 1e6, 0.7, 0.01), new ParetoNbdParameters(0.5, 0.01, 0.7, 1e6)
        }) {
            double integral = dropOutIntegral(p, customer);
            assertThat(Math.exp(ParetoNbdLikelihood.logDeadTerm(p, customer)))
                    .isCloseTo(integral, within(1e-7 * integral));
            assertThat(new ParetoNbdModel(p).probabilityAlive(customer)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void recoversSimulatedParameters() {
        List<SufficientStatistics> customers = new Simulation(7).paretoNbd(TRUTH, 8_000, 26, 39);
        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(GroupedStatistics.of(customers));
        ParetoNbdParameters found = fit.model().parameters();
        System.out.println("Pareto/NBD simulated truth " + TRUTH + ", recovered " + found);
        assertThat(found.r()).isCloseTo(TRUTH.r(), within(0.2 * TRUTH.r()));
        assertThat(found.alpha()).isCloseTo(TRUTH.alpha(), within(0.25 * TRUTH.alpha()));
        // The drop-out scale is poorly identified in short windows; check the implied mean lifetime rate.
        assertThat(found.s() / found.beta())
                .isCloseTo(TRUTH.s() / TRUTH.beta(), within(0.35 * TRUTH.s() / TRUTH.beta()));
    }

    @Test
    void aBrandNewCustomerExpectsThePopulationForecast() {
        ParetoNbdModel model = new ParetoNbdModel(TRUTH);
        SufficientStatistics newcomer = new SufficientStatistics(0, 0, 0);
        assertThat(model.probabilityAlive(newcomer)).isEqualTo(1.0);
        assertThat(model.conditionalExpectedPurchases(39, newcomer))
                .isCloseTo(model.expectedPurchases(39), within(1e-12));
    }

    @Test
    void unitDropOutShapeUsesTheLogarithmicLimit() {
        double at = new ParetoNbdModel(new ParetoNbdParameters(0.5, 10, 1, 12)).expectedPurchases(39);
        double near = new ParetoNbdModel(new ParetoNbdParameters(0.5, 10, 1 + 1e-6, 12)).expectedPurchases(39);
        assertThat(at).isCloseTo(near, within(1e-5));
    }

    @Test
    void recentBuyersAreMoreLikelyAlive() {
        ParetoNbdModel model = new ParetoNbdModel(TRUTH);
        double recent = model.probabilityAlive(new SufficientStatistics(4, 37, 38));
        double lapsed = model.probabilityAlive(new SufficientStatistics(4, 6, 38));
        assertThat(recent).isGreaterThan(lapsed).isLessThanOrEqualTo(1.0);
        assertThat(lapsed).isPositive();
    }

    /** {@code s ∫ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ over (t_x, T]} by composite Simpson's rule. */
    private static double dropOutIntegral(ParetoNbdParameters p, SufficientStatistics c) {
        int intervals = 20_000;
        double from = c.recency();
        double width = (c.age() - from) / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double tau = from + i * width;
            double value = Math.pow(p.alpha() + tau, -(p.r() + c.frequency())) * Math.pow(p.beta() + tau, -(p.s() + 1));
            double coefficient = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += coefficient * value;
        }
        return p.s() * sum * width / 3;
    }
}
