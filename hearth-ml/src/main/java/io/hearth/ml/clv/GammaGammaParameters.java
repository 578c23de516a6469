package io.hearth.ml.clv;

/**
 * Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005, "RFM and CLV"): each transaction value
 * is gamma(p, ν) and the customer's ν is gamma(q, γ) across customers.
 *
 * @param p shape of a customer's transaction-value distribution
 * @param q shape of the distribution of ν across customers
 * @param gamma scale of the distribution of ν across customers
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    /** Validates that every parameter is positive and finite. */
    public GammaGammaParameters {
        Checks.positive(p, "p");
        Checks.positive(q, "q");
        Checks.positive(gamma, "gamma");
    }
}
