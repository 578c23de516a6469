package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    private static final GammaGammaParameters TRUTH = new GammaGammaParameters(6, 4, 15);

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        List<SpendObservation> data =
                List.of(new SpendObservation(1, 20), new SpendObservation(3, 41.5), new SpendObservation(12, 8.25));
        double[] gradient = new double[3];
        GammaGammaLikelihood.evaluate(TRUTH, data, gradient);
        double[] values = {TRUTH.p(), TRUTH.q(), TRUTH.gamma()};
        for (int i = 0; i < 3; i++) {
            double step = 1e-6 * values[i];
            double[] up = values.clone();
            double[] down = values.clone();
            up[i] += step;
            down[i] -= step;
            double numeric = (GammaGammaLikelihood.evaluate(of(up), data, null)
                            - GammaGammaLikelihood.evaluate(of(down), data, null))
                    / (2 * step);
            assertThat(gradient[i]).as("parameter %d", i).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
        }
    }

    @Test
    void recoversSimulatedParameters() {
        Simulation simulation = new Simulation(3);
        List<SpendObservation> data = new ArrayList<>();
        for (int customer = 0; customer < 20_000; customer++) {
            int frequency = 1 + (int) simulation.exponential(0.3);
            double scale = simulation.gamma(TRUTH.q(), TRUTH.gamma());
            double total = 0;
            for (int purchase = 0; purchase < frequency; purchase++) {
                total += simulation.gamma(TRUTH.p(), scale);
            }
            data.add(new SpendObservation(frequency, total / frequency));
        }
        GammaGammaParameters found = GammaGammaModel.fit(data).model().parameters();
        System.out.println("Gamma-Gamma simulated truth " + TRUTH + ", recovered " + found);
        assertThat(found.p()).isCloseTo(TRUTH.p(), within(0.1 * TRUTH.p()));
        assertThat(found.q()).isCloseTo(TRUTH.q(), within(0.15 * TRUTH.q()));
        assertThat(found.gamma()).isCloseTo(TRUTH.gamma(), within(0.2 * TRUTH.gamma()));
    }

    @Test
    void expectedSpendShrinksTowardsThePopulationMean() {
        GammaGammaModel model = new GammaGammaModel(TRUTH);
        double population = TRUTH.p() * TRUTH.gamma() / (TRUTH.q() - 1);
        assertThat(model.populationMeanSpend()).isCloseTo(population, within(1e-12));
        double oneVisit = model.conditionalExpectedSpend(1, 100);
        double manyVisits = model.conditionalExpectedSpend(50, 100);
        assertThat(oneVisit).isBetween(population, manyVisits);
        assertThat(manyVisits).isLessThan(100);
    }

    private static GammaGammaParameters of(double[] values) {
        return new GammaGammaParameters(values[0], values[1], values[2]);
    }
}
