package io.hearth.ml.clv;

/** Argument checks shared by the parameter records. */
final class Checks {

    private Checks() {}

    static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
        }
        return value;
    }
}
