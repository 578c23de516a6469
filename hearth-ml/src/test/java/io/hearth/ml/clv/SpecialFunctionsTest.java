package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    private static final double EULER_GAMMA = 0.5772156649015329;

    @Test
    void logGammaMatchesFactorialsAndHalfIntegers() {
        assertThat(SpecialFunctions.logGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(SpecialFunctions.logGamma(5)).isCloseTo(Math.log(24), within(1e-14));
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(SpecialFunctions.logGamma(171)).isCloseTo(706.5730622457874, within(1e-10));
        assertThat(SpecialFunctions.logGamma(1e-8)).isCloseTo(18.420680738180209, within(1e-9));
    }

    @Test
    void digammaMatchesKnownValues() {
        assertThat(SpecialFunctions.digamma(1)).isCloseTo(-EULER_GAMMA, within(1e-14));
        assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-EULER_GAMMA - 2 * Math.log(2), within(1e-14));
        assertThat(SpecialFunctions.digamma(10)).isCloseTo(2.251752589066721, within(1e-14));
    }

    @Test
    void digammaIsTheDerivativeOfLogGamma() {
        for (double x : new double[] {0.3, 2.7, 14.2, 88.0}) {
            double step = 1e-5 * x;
            double numeric = (SpecialFunctions.logGamma(x + step) - SpecialFunctions.logGamma(x - step)) / (2 * step);
            assertThat(SpecialFunctions.digamma(x)).isCloseTo(numeric, within(1e-8));
        }
    }

    @Test
    void hypergeometricMatchesClosedForms() {
        for (double z : new double[] {0.0, 0.1, 0.5, 0.9, 0.999}) {
            double logOneMinusZ = Math.log1p(-z);
            // 2F1(a, b; b; z) = (1 - z)^-a
            assertThat(Hypergeometric.log2F1(2.5, 1.7, 1.7, z)).isCloseTo(-2.5 * logOneMinusZ, within(1e-12));
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            double expected = z == 0 ? 0 : Math.log(-logOneMinusZ / z);
            assertThat(Hypergeometric.log2F1(1, 1, 2, z)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void hypergeometricSurvivesHugeParameters() {
        // 2F1(a, b; b; z) again, with a sum far beyond the double range before logs are taken.
        double value = Hypergeometric.log2F1(3000, 4.0, 4.0, 0.6);
        assertThat(value).isCloseTo(-3000 * Math.log(0.4), within(1e-9 * 3000));
    }
}
