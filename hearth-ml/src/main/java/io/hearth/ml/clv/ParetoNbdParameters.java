package io.hearth.ml.clv;

/**
 * Pareto/NBD parameters (Schmittlein, Morrison &amp; Colombo 1987).
 *
 * @param r shape of the gamma distribution of purchase rates
 * @param alpha scale of the gamma distribution of purchase rates, in periods
 * @param s shape of the gamma distribution of drop-out rates
 * @param beta scale of the gamma distribution of drop-out rates, in periods
 */
public record ParetoNbdParameters(double r, double alpha, double s, double beta) {

    /** Validates that every parameter is positive and finite. */
    public ParetoNbdParameters {
        Checks.positive(r, "r");
        Checks.positive(alpha, "alpha");
        Checks.positive(s, "s");
        Checks.positive(beta, "beta");
    }
}
