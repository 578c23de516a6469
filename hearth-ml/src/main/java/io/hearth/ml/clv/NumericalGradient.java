package io.hearth.ml.clv;

import java.util.function.ToDoubleFunction;

/**
 * Wraps a plain objective into a {@link DifferentiableFunction} using central differences.
 *
 * <p>The step is fixed in absolute terms because the callers work on log-parameters, where a
 * step of about the cube root of machine epsilon balances truncation error (O(h^2)) against
 * rounding error (O(eps/h)).
 */
final class NumericalGradient implements DifferentiableFunction {

    private static final double STEP = 6e-6;

    private final ToDoubleFunction<double[]> objective;

    NumericalGradient(ToDoubleFunction<double[]> objective) {
        this.objective = objective;
    }

    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        double value = objective.applyAsDouble(point);
        if (!Double.isFinite(value)) {
            return value;
        }
        double[] probe = point.clone();
        for (int i = 0; i < point.length; i++) {
            // Round-tripping the step through the addition makes the divisor the step actually taken.
            double up = point[i] + STEP;
            double down = point[i] - STEP;
            probe[i] = up;
            double upper = objective.applyAsDouble(probe);
            probe[i] = down;
            double lower = objective.applyAsDouble(probe);
            probe[i] = point[i];
            gradient[i] = (upper - lower) / (up - down);
            if (!Double.isFinite(gradient[i])) {
                return Double.NaN;
            }
        }
        return value;
    }
}
