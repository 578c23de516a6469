package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Quasi-Newton minimizer (BFGS on the inverse Hessian) with a strong Wolfe line search.
 *
 * <p>The models hand it log-parameters, so the search is unconstrained; points where the objective
 * is not finite are treated as infinitely bad and the line search retreats from them.
 */
final class BfgsMinimizer {

    /** How far above the gradient tolerance a stalled search may end and still count as converged. */
    private static final double STALL_FACTOR = 100;

    private final int maxIterations;
    private final double gradientTolerance;
    private final double valueTolerance;

    /**
     * @param maxIterations iteration cap
     * @param gradientTolerance stop once every gradient component is at most this in magnitude
     * @param valueTolerance stop once an iteration improves the value by at most this, relatively
     */
    BfgsMinimizer(int maxIterations, double gradientTolerance, double valueTolerance) {
        if (maxIterations < 1 || !(gradientTolerance > 0) || !(valueTolerance >= 0)) {
            throw new IllegalArgumentException("need maxIterations >= 1, gradientTolerance > 0, valueTolerance >= 0");
        }
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.valueTolerance = valueTolerance;
    }

    OptimizationResult minimize(DifferentiableFunction function, double[] start) {
        requireNonNull(function, "function is null");
        WolfeLineSearch lineSearch = new WolfeLineSearch(function);
        WolfeLineSearch.Trial current = evaluateStart(function, start);
        InverseHessian inverseHessian = new InverseHessian(start.length);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (maxAbs(current.gradient()) <= gradientTolerance) {
                return result(current, iteration, lineSearch, true);
            }
            WolfeLineSearch.Trial next = step(lineSearch, inverseHessian, current);
            if (next == null) {
                if (inverseHessian.isIdentity()) {
                    return result(current, iteration, lineSearch, isStalledAtOptimum(current));
                }
                inverseHessian.reset();
                continue;
            }
            inverseHessian.update(current.point(), next.point(), current.gradient(), next.gradient());
            double improvement = current.value() - next.value();
            current = next;
            if (improvement <= valueTolerance * Math.max(1.0, Math.abs(next.value()))) {
                return result(current, iteration + 1, lineSearch, true);
            }
        }
        return result(current, maxIterations, lineSearch, false);
    }

    private static WolfeLineSearch.Trial evaluateStart(DifferentiableFunction function, double[] start) {
        double[] gradient = new double[start.length];
        double value = function.valueAndGradient(start.clone(), gradient);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("objective is not finite at the starting point");
        }
        return new WolfeLineSearch.Trial(0, value, 0, start.clone(), gradient);
    }

    private static WolfeLineSearch.@Nullable Trial step(
            WolfeLineSearch lineSearch, InverseHessian inverseHessian, WolfeLineSearch.Trial current) {
        double[] direction = inverseHessian.descentDirection(current.gradient());
        double slope = WolfeLineSearch.dot(direction, current.gradient());
        // Scale the very first steepest-descent step so it moves about one unit in log-parameters.
        double initialStep = inverseHessian.isIdentity() ? Math.min(1.0, 1.0 / maxAbs(direction)) : 1.0;
        WolfeLineSearch.Trial origin =
                new WolfeLineSearch.Trial(0, current.value(), slope, current.point(), current.gradient());
        return lineSearch.search(origin, direction, initialStep);
    }

    /**
     * No step along the gradient lowers the value, so the objective's rounding has taken over. Sums over
     * many customers carry gradient noise well above the ideal tolerance; a stall with a near-zero
     * gradient is a genuine optimum.
     */
    private boolean isStalledAtOptimum(WolfeLineSearch.Trial current) {
        return maxAbs(current.gradient()) <= STALL_FACTOR * gradientTolerance;
    }

    private static OptimizationResult result(
            WolfeLineSearch.Trial best, int iterations, WolfeLineSearch lineSearch, boolean converged) {
        return new OptimizationResult(best.point(), best.value(), iterations, lineSearch.evaluations() + 1, converged);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
