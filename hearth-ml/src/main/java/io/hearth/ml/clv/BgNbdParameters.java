package io.hearth.ml.clv;

/**
 * BG/NBD parameters (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way").
 *
 * @param r shape of the gamma distribution of purchase rates
 * @param alpha scale of the gamma distribution of purchase rates, in periods
 * @param a first shape of the beta distribution of the drop-out probability after each purchase
 * @param b second shape of that beta distribution
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    /** Validates that every parameter is positive and finite. */
    public BgNbdParameters {
        Checks.positive(r, "r");
        Checks.positive(alpha, "alpha");
        Checks.positive(a, "a");
        Checks.positive(b, "b");
    }
}
