package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

/**
 * Pareto/NBD purchase model: Poisson purchases with a gamma-distributed rate, and an exponential
 * lifetime with a gamma-distributed drop-out rate, so customers can churn at any time rather than
 * only right after a purchase as in BG/NBD.
 */
public final class ParetoNbdModel implements PurchaseModel {

    /** Within this distance of {@code s = 1} the forecasts switch to their logarithmic limit. */
    private static final double UNIT_SHAPE_BAND = 1e-9;

    private final ParetoNbdParameters parameters;

    /** Creates the model for given parameters. */
    public ParetoNbdModel(ParetoNbdParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** Fits the parameters by maximum likelihood; see {@link ParetoNbdFitter}. */
    public static ModelFit<ParetoNbdModel> fit(GroupedStatistics data) {
        return ParetoNbdFitter.fit(data);
    }

    /** The model's parameters. */
    public ParetoNbdParameters parameters() {
        return parameters;
    }

    @Override
    public double expectedPurchases(double t) {
        Checks.nonNegative(t, "t");
        ParetoNbdParameters p = parameters;
        return p.r() * p.beta() / p.alpha() * survivalIntegral(p.beta(), t);
    }

    @Override
    public double conditionalExpectedPurchases(double t, SufficientStatistics customer) {
        Checks.nonNegative(t, "t");
        ParetoNbdParameters p = parameters;
        double betaPlusAge = p.beta() + customer.age();
        double rate = (p.r() + customer.frequency()) / (p.alpha() + customer.age());
        return rate * betaPlusAge * survivalIntegral(betaPlusAge, t) * probabilityAlive(customer);
    }

    @Override
    public double probabilityAlive(SufficientStatistics customer) {
        double alive = ParetoNbdLikelihood.logAliveTerm(parameters, customer);
        double dead = ParetoNbdLikelihood.logDeadTerm(parameters, customer);
        return 1.0 / (1.0 + Math.exp(dead - alive));
    }

    /**
     * {@code [1 - (scale/(scale+t))^(s-1)] / (s-1)}, the expected remaining lifetime within the next
     * {@code t} periods divided by {@code scale}; tends to {@code ln(1 + t/scale)} as s goes to 1.
     */
    private double survivalIntegral(double scale, double t) {
        double shapeLessOne = parameters.s() - 1;
        double logRatio = Math.log1p(t / scale);
        if (Math.abs(shapeLessOne) < UNIT_SHAPE_BAND) {
            return logRatio;
        }
        return -Math.expm1(-shapeLessOne * logRatio) / shapeLessOne;
    }

    @Override
    public String toString() {
        return "ParetoNbdModel" + parameters;
    }
}
