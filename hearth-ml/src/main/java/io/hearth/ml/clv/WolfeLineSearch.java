package io.hearth.ml.clv;

import org.jspecify.annotations.Nullable;

/**
 * Line search for the strong Wolfe conditions (Nocedal &amp; Wright, algorithms 3.5 and 3.6) with
 * safeguarded cubic interpolation. Non-finite objective values count as "too far", so a search that
 * wanders outside the domain of a likelihood simply shrinks back.
 */
final class WolfeLineSearch {

    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final double CURVATURE = 0.9;
    private static final int MAX_TRIALS = 60;
    private static final double MAX_STEP = 1e6;

    /** Objective value, directional slope, point and gradient at one step length. */
    record Trial(double step, double value, double slope, double[] point, double[] gradient) {}

    private final DifferentiableFunction function;
    private int evaluations;

    WolfeLineSearch(DifferentiableFunction function) {
        this.function = function;
    }

    int evaluations() {
        return evaluations;
    }

    /**
     * Searches along {@code direction} from {@code origin}.
     *
     * @return an acceptable trial, or null when no step decreases the objective
     */
    @Nullable
    Trial search(Trial origin, double[] direction, double initialStep) {
        Trial previous = origin;
        double step = initialStep;
        for (int i = 0; i < MAX_TRIALS; i++) {
            Trial trial = evaluate(origin, direction, step);
            if (!isSufficientDecrease(origin, trial) || (i > 0 && trial.value() >= previous.value())) {
                return zoom(origin, direction, previous, trial);
            }
            if (Math.abs(trial.slope()) <= -CURVATURE * origin.slope()) {
                return trial;
            }
            if (trial.slope() >= 0) {
                return zoom(origin, direction, trial, previous);
            }
            previous = trial;
            step = Math.min(2.0 * step, MAX_STEP);
        }
        return previous.step() > 0 ? previous : null;
    }

    private @Nullable Trial zoom(Trial origin, double[] direction, Trial low, Trial high) {
        for (int i = 0; i < MAX_TRIALS; i++) {
            Trial trial = evaluate(origin, direction, interpolate(low, high));
            if (!isSufficientDecrease(origin, trial) || trial.value() >= low.value()) {
                high = trial;
            } else {
                if (Math.abs(trial.slope()) <= -CURVATURE * origin.slope()) {
                    return trial;
                }
                if (trial.slope() * (high.step() - low.step()) >= 0) {
                    high = low;
                }
                low = trial;
            }
        }
        // The low end always satisfies sufficient decrease, so it is a safe step even without curvature.
        return low.step() > 0 ? low : null;
    }

    /** Minimizer of the cubic through both ends, or the midpoint when that is unreliable. */
    private static double interpolate(Trial low, Trial high) {
        double a = low.step();
        double b = high.step();
        double midpoint = 0.5 * (a + b);
        if (!Double.isFinite(high.value()) || !Double.isFinite(high.slope())) {
            // Beyond the domain there is no shape to fit; back off quickly towards the good end.
            return a + 0.2 * (b - a);
        }
        double d1 = low.slope() + high.slope() - 3.0 * (low.value() - high.value()) / (a - b);
        double discriminant = d1 * d1 - low.slope() * high.slope();
        if (discriminant < 0) {
            return midpoint;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(discriminant);
        double candidate = b - (b - a) * (high.slope() + d2 - d1) / (high.slope() - low.slope() + 2.0 * d2);
        double margin = 0.1 * Math.abs(b - a);
        boolean interior = candidate > Math.min(a, b) + margin && candidate < Math.max(a, b) - margin;
        return interior && Double.isFinite(candidate) ? candidate : midpoint;
    }

    private static boolean isSufficientDecrease(Trial origin, Trial trial) {
        return Double.isFinite(trial.value())
                && trial.value() <= origin.value() + SUFFICIENT_DECREASE * trial.step() * origin.slope();
    }

    private Trial evaluate(Trial origin, double[] direction, double step) {
        double[] start = origin.point();
        double[] point = new double[start.length];
        for (int i = 0; i < point.length; i++) {
            point[i] = start[i] + step * direction[i];
        }
        double[] gradient = new double[point.length];
        double value = function.valueAndGradient(point, gradient);
        evaluations++;
        double slope = Double.isFinite(value) ? dot(gradient, direction) : Double.NaN;
        return new Trial(step, Double.isFinite(value) ? value : Double.POSITIVE_INFINITY, slope, point, gradient);
    }

    static double dot(double[] left, double[] right) {
        double sum = 0;
        for (int i = 0; i < left.length; i++) {
            sum += left[i] * right[i];
        }
        return sum;
    }
}
