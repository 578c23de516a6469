package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood fit of {@link BgNbdModel} with BFGS on log-parameters.
 *
 * <p>The objective is the negative log-likelihood per customer, so tolerances do not depend on the
 * size of the cohort; working on logs keeps every parameter positive without constraints.
 */
final class BgNbdFitter {

    private static final BfgsMinimizer MINIMIZER = new BfgsMinimizer(500, 1e-9, 1e-15);

    private BgNbdFitter() {}

    static ModelFit<BgNbdModel> fit(GroupedStatistics data) {
        requireNonNull(data, "data is null");
        double customers = data.customerCount();
        DifferentiableFunction objective = (point, gradient) -> {
            BgNbdParameters parameters = fromLog(point);
            if (parameters == null) {
                return Double.POSITIVE_INFINITY;
            }
            double value = BgNbdLikelihood.evaluate(parameters, data, gradient);
            double[] natural = {parameters.r(), parameters.alpha(), parameters.a(), parameters.b()};
            for (int i = 0; i < gradient.length; i++) {
                // Chain rule for θ = e^u: d/du = θ d/dθ; the minus sign turns maximization into minimization.
                gradient[i] *= -natural[i] / customers;
            }
            return -value / customers;
        };
        OptimizationResult result = MINIMIZER.minimize(objective, startingPoint(data));
        BgNbdParameters best = requireNonNull(fromLog(result.point()), "optimizer left the parameter domain");
        return new ModelFit<>(
                new BgNbdModel(best),
                BgNbdLikelihood.logLikelihood(best, data),
                result.iterations(),
                result.converged());
    }

    /** Unit shapes and a rate scale matched to the observed mean purchase rate. */
    private static double[] startingPoint(GroupedStatistics data) {
        double rate = data.meanRate();
        double alpha = rate > 0 ? 1.0 / rate : Math.max(data.meanAge(), 1.0);
        return new double[] {0.0, Math.log(alpha), 0.0, 0.0};
    }

    private static @Nullable BgNbdParameters fromLog(double[] point) {
        double r = Math.exp(point[0]);
        double alpha = Math.exp(point[1]);
        double a = Math.exp(point[2]);
        double b = Math.exp(point[3]);
        boolean usable = r > 0 && alpha > 0 && a > 0 && b > 0 && Double.isFinite(r + alpha + a + b);
        return usable ? new BgNbdParameters(r, alpha, a, b) : null;
    }
}
