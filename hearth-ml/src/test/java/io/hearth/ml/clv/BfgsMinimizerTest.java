package io.hearth.ml.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BfgsMinimizerTest {

    private final BfgsMinimizer minimizer = new BfgsMinimizer(1000, 1e-10, 0);

    @Test
    void findsTheRosenbrockMinimum() {
        DifferentiableFunction rosenbrock = (point, gradient) -> {
            double x = point[0];
            double y = point[1];
            gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            gradient[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        };
        OptimizationResult result = minimizer.minimize(rosenbrock, new double[] {-1.2, 1.0});
        assertThat(result.converged()).isTrue();
        assertThat(result.point()[0]).isCloseTo(1, within(1e-8));
        assertThat(result.point()[1]).isCloseTo(1, within(1e-8));
    }

    @Test
    void backsOffFromPointsWhereTheObjectiveIsUndefined() {
        // -ln(x) + x is minimal at x = 1 and undefined for x <= 0, where a full Newton-sized step lands.
        DifferentiableFunction barrier = (point, gradient) -> {
            double x = point[0];
            if (x <= 0) {
                return Double.NaN;
            }
            gradient[0] = 1 - 1 / x;
            return x - Math.log(x);
        };
        OptimizationResult result = minimizer.minimize(barrier, new double[] {30});
        assertThat(result.point()[0]).isCloseTo(1, within(1e-8));
    }

    @Test
    void numericalGradientDrivesTheSameSearch() {
        DifferentiableFunction bowl = new NumericalGradient(point -> {
            double dx = point[0] - 3;
            double dy = point[1] + 2;
            return dx * dx + 10 * dy * dy + dx * dy;
        });
        OptimizationResult result = new BfgsMinimizer(200, 1e-8, 0).minimize(bowl, new double[] {0, 0});
        assertThat(result.point()[0]).isCloseTo(3, within(1e-6));
        assertThat(result.point()[1]).isCloseTo(-2, within(1e-6));
    }
}
