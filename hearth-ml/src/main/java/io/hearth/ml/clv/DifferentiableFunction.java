package io.hearth.ml.clv;

/** A smooth objective that reports its value and fills in its gradient in one pass. */
@FunctionalInterface
interface DifferentiableFunction {

    /**
     * Evaluates the function at {@code point}, writing the gradient into {@code gradient}.
     *
     * @return the value, or a non-finite number when the point is outside the usable domain
     */
    double valueAndGradient(double[] point, double[] gradient);
}
