package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

/**
 * Outcome of a minimization.
 *
 * @param point the best point found
 * @param value the objective at {@code point}
 * @param iterations number of quasi-Newton iterations taken
 * @param evaluations number of objective evaluations
 * @param converged whether the gradient or progress criterion was met before the iteration limit
 */
record OptimizationResult(double[] point, double value, int iterations, int evaluations, boolean converged) {

    OptimizationResult {
        requireNonNull(point, "point is null");
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }
}
