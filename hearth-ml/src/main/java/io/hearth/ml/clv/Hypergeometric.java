package io.hearth.ml.clv;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for {@code 0 <= z < 1} and positive parameters,
 * summed as a power series and returned as a logarithm.
 *
 * <p>Every 2F1 these models need has positive parameters and an argument in [0, 1), so all series
 * terms are positive and there is no cancellation; the only hazards are overflow for large {@code a,
 * b} (handled by rescaling the running sum) and slow convergence near {@code z = 1} (handled by a
 * generous term budget; failure to converge is reported as NaN so optimizers back off).
 */
final class Hypergeometric {

    private static final int MAX_TERMS = 200_000;
    private static final double RELATIVE_TOLERANCE = 1e-16;
    private static final double RESCALE_THRESHOLD = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE_THRESHOLD);

    private Hypergeometric() {}

    /** Natural log of 2F1(a, b; c; z); NaN when the series does not converge within budget. */
    static double log2F1(double a, double b, double c, double z) {
        if (!(z >= 0.0 && z < 1.0) || !(a > 0.0 && b > 0.0 && c > 0.0)) {
            throw new IllegalArgumentException(
                    "log2F1 needs positive parameters and 0 <= z < 1: a=" + a + " b=" + b + " c=" + c + " z=" + z);
        }
        double term = 1.0;
        double sum = 1.0;
        double logScale = 0.0;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term <= RELATIVE_TOLERANCE * sum && isShrinking(a, b, c, n, z)) {
                return Math.log(sum) + logScale;
            }
            if (sum > RESCALE_THRESHOLD) {
                sum /= RESCALE_THRESHOLD;
                term /= RESCALE_THRESHOLD;
                logScale += LOG_RESCALE;
            }
        }
        return Double.NaN;
    }

    /** A small term only ends the sum once later terms keep getting smaller, not while they still grow. */
    private static boolean isShrinking(double a, double b, double c, int n, double z) {
        double nextRatio = (a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z;
        return nextRatio < 1.0;
    }
}
