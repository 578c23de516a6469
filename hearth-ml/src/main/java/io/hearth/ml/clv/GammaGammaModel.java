package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gamma-Gamma model of spend per transaction, assumed independent of purchase frequency.
 *
 * <p>Fit it on repeat buyers only, with the mean value of their repeat transactions (the first
 * purchase is excluded, as in the paper); that is what reproduces the published CDNOW estimates.
 */
public final class GammaGammaModel {

    private static final BfgsMinimizer MINIMIZER = new BfgsMinimizer(500, 1e-9, 1e-15);

    private final GammaGammaParameters parameters;

    /** Creates the model for given parameters. */
    public GammaGammaModel(GammaGammaParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** The model's parameters. */
    public GammaGammaParameters parameters() {
        return parameters;
    }

    /** Fits by maximum likelihood (BFGS on log-parameters with the analytic gradient). */
    public static ModelFit<GammaGammaModel> fit(List<SpendObservation> repeatBuyers) {
        List<SpendObservation> data = List.copyOf(requireNonNull(repeatBuyers, "repeatBuyers is null"));
        if (data.isEmpty()) {
            throw new IllegalArgumentException("repeatBuyers is empty");
        }
        double customers = data.size();
        SpendGroups groups = SpendGroups.of(data);
        DifferentiableFunction objective = (point, gradient) -> {
            GammaGammaParameters parameters = fromLog(point);
            if (parameters == null) {
                return Double.POSITIVE_INFINITY;
            }
            double value = GammaGammaLikelihood.evaluate(parameters, groups, gradient);
            double[] natural = {parameters.p(), parameters.q(), parameters.gamma()};
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= -natural[i] / customers;
            }
            return -value / customers;
        };
        OptimizationResult result = MINIMIZER.minimize(objective, startingPoint(data));
        GammaGammaParameters best = requireNonNull(fromLog(result.point()), "optimizer left the parameter domain");
        double logLikelihood = GammaGammaLikelihood.evaluate(best, groups, null);
        return new ModelFit<>(new GammaGammaModel(best), logLikelihood, result.iterations(), result.converged());
    }

    /**
     * Expected mean transaction value for a customer with {@code frequency} repeat transactions of mean
     * value {@code meanSpend}: a credibility-weighted blend of the population mean {@code pγ/(q-1)} and
     * the customer's own mean. With no repeats it is the population mean. Needs {@code q > 1}.
     */
    public double conditionalExpectedSpend(int frequency, double meanSpend) {
        if (frequency < 0 || !(meanSpend >= 0)) {
            throw new IllegalArgumentException("need frequency >= 0 and meanSpend >= 0");
        }
        double q = parameters.q();
        if (!(q > 1)) {
            throw new IllegalStateException("expected spend is infinite when q <= 1, q=" + q);
        }
        double p = parameters.p();
        return p * (parameters.gamma() + meanSpend * frequency) / (p * frequency + q - 1);
    }

    /** Mean of the population's expected transaction values, {@code pγ/(q-1)}. */
    public double populationMeanSpend() {
        return conditionalExpectedSpend(0, 0);
    }

    /** Unit shapes with γ set so the implied population mean equals the observed mean (q = 2). */
    private static double[] startingPoint(List<SpendObservation> data) {
        double mean =
                data.stream().mapToDouble(SpendObservation::meanSpend).average().orElse(1);
        return new double[] {0.0, Math.log(2.0), Math.log(mean)};
    }

    private static @Nullable GammaGammaParameters fromLog(double[] point) {
        double p = Math.exp(point[0]);
        double q = Math.exp(point[1]);
        double gamma = Math.exp(point[2]);
        boolean usable = p > 0 && q > 0 && gamma > 0 && Double.isFinite(p + q + gamma);
        return usable ? new GammaGammaParameters(p, q, gamma) : null;
    }

    @Override
    public String toString() {
        return "GammaGammaModel" + parameters;
    }
}
