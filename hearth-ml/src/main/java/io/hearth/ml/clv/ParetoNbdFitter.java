package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood fit of {@link ParetoNbdModel}: BFGS on log-parameters with a central-difference
 * gradient, because derivatives of the hypergeometric terms have no convenient closed form.
 */
final class ParetoNbdFitter {

    /** Looser than for BG/NBD: a numerical gradient is only good to about 1e-10. */
    private static final BfgsMinimizer MINIMIZER = new BfgsMinimizer(500, 1e-7, 1e-13);

    private ParetoNbdFitter() {}

    static ModelFit<ParetoNbdModel> fit(GroupedStatistics data) {
        requireNonNull(data, "data is null");
        double customers = data.customerCount();
        DifferentiableFunction objective = new NumericalGradient(point -> {
            ParetoNbdParameters parameters = fromLog(point);
            return parameters == null
                    ? Double.POSITIVE_INFINITY
                    : -ParetoNbdLikelihood.logLikelihood(parameters, data) / customers;
        });
        OptimizationResult result = MINIMIZER.minimize(objective, startingPoint(data));
        ParetoNbdParameters best = requireNonNull(fromLog(result.point()), "optimizer left the parameter domain");
        return new ModelFit<>(
                new ParetoNbdModel(best),
                ParetoNbdLikelihood.logLikelihood(best, data),
                result.iterations(),
                result.converged());
    }

    /** Unit shapes, a purchase-rate scale matched to the data, and a lifetime scale of the mean age. */
    private static double[] startingPoint(GroupedStatistics data) {
        double rate = data.meanRate();
        double meanAge = Math.max(data.meanAge(), 1.0);
        double alpha = rate > 0 ? 1.0 / rate : meanAge;
        return new double[] {0.0, Math.log(alpha), 0.0, Math.log(meanAge)};
    }

    private static @Nullable ParetoNbdParameters fromLog(double[] point) {
        double r = Math.exp(point[0]);
        double alpha = Math.exp(point[1]);
        double s = Math.exp(point[2]);
        double beta = Math.exp(point[3]);
        boolean usable = r > 0 && alpha > 0 && s > 0 && beta > 0 && Double.isFinite(r + alpha + s + beta);
        return usable ? new ParetoNbdParameters(r, alpha, s, beta) : null;
    }
}
