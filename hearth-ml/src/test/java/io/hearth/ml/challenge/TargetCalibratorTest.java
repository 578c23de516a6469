package io.hearth.ml.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.challenge.TargetCalibrator.Target;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TargetCalibratorTest {

    final TargetCalibrator calibrator = new TargetCalibrator(0.2, 20, 1000);

    @Test
    void theTargetIsAStepAboveTheTypicalMonthAndHarderThanAnAverageMonth() {
        Target target = calibrator.calibrate(new double[] {100, 120, 80, 0, 110, 90, 130, 100});

        assertThat(target.typical()).isEqualTo(100);
        assertThat(target.target()).isCloseTo(120, within(1e-9));
        assertThat(target.probability()).isBetween(0.1, 0.5);
        assertThat(target.activePeriods()).isEqualTo(7);
    }

    @Test
    void boundsHoldForTheSmallestAndTheBiggestSpenders() {
        assertThat(calibrator.calibrate(new double[] {5, 6, 4}).target()).isEqualTo(20);
        assertThat(calibrator.calibrate(new double[] {5000, 6000}).target()).isEqualTo(1000);
        assertThat(calibrator.calibrate(new double[] {0, 0, 0})).isEqualTo(new Target(20, 0, 0, 3, 0));
    }

    @Test
    void theProbabilityIsCalibratedAgainstSimulatedCustomers() {
        // Customers whose monthly spend is log-normal with known parameters, active 80 % of months: the
        // predicted chance of reaching their target must match how often they reach it afterwards.
        SplittableRandom random = new SplittableRandom(17);
        double predicted = 0;
        int reached = 0;
        int customers = 2_000;
        for (int customer = 0; customer < customers; customer++) {
            double mu = Math.log(50 + random.nextDouble() * 200);
            double sigma = 0.3 + random.nextDouble() * 0.4;
            Target target = calibrator.calibrate(months(random, mu, sigma, 12));
            predicted += target.probability();
            reached += months(random, mu, sigma, 1)[0] >= target.target() ? 1 : 0;
        }
        double observed = (double) reached / customers;
        System.out.printf(
                "challenge calibration: mean predicted %.3f, observed %.3f over %d customers%n",
                predicted / customers, observed, customers);
        assertThat(predicted / customers).isCloseTo(observed, within(0.05));
    }

    @Test
    void theNormalDistributionFunctionIsAccurate() {
        assertThat(TargetCalibrator.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(TargetCalibrator.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(TargetCalibrator.normalCdf(-1)).isCloseTo(0.158655, within(1e-6));
    }

    private static double[] months(SplittableRandom random, double mu, double sigma, int count) {
        double[] months = new double[count];
        for (int i = 0; i < count; i++) {
            months[i] = random.nextDouble() < 0.8 ? Math.exp(mu + sigma * random.nextGaussian()) : 0;
        }
        return months;
    }
}
