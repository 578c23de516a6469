package io.hearth.ml.clv;

/** Log-gamma and digamma for positive arguments, accurate to roughly 1e-14 relative. */
final class SpecialFunctions {

    /** Below this the asymptotic series is not accurate enough, so arguments are shifted up first. */
    private static final double ASYMPTOTIC_THRESHOLD = 15.0;

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private SpecialFunctions() {}

    /** Natural logarithm of the gamma function for {@code x > 0}. */
    static double logGamma(double x) {
        if (!(x > 0.0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        double product = 1.0;
        while (x < ASYMPTOTIC_THRESHOLD) {
            // One log of the accumulated product is cheaper than a log per shift and just as exact.
            product *= x;
            x += 1.0;
        }
        return stirling(x) - Math.log(product);
    }

    /** Digamma (derivative of log-gamma) for {@code x > 0}. */
    static double digamma(double x) {
        if (!(x > 0.0)) {
            throw new IllegalArgumentException("digamma needs x > 0, got " + x);
        }
        double shift = 0.0;
        while (x < ASYMPTOTIC_THRESHOLD) {
            shift -= 1.0 / x;
            x += 1.0;
        }
        double inverseSquare = 1.0 / (x * x);
        double series = inverseSquare
                * (1.0 / 12
                        - inverseSquare
                                * (1.0 / 120
                                        - inverseSquare
                                                * (1.0 / 252
                                                        - inverseSquare * (1.0 / 240 - inverseSquare * (1.0 / 132)))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    private static double stirling(double x) {
        double inverse = 1.0 / x;
        double inverseSquare = inverse * inverse;
        double series = inverse
                * (1.0 / 12
                        - inverseSquare
                                * (1.0 / 360
                                        - inverseSquare
                                                * (1.0 / 1260
                                                        - inverseSquare
                                                                * (1.0 / 1680 - inverseSquare * (1.0 / 1188)))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
    }
}
