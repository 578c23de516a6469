package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The features of one customer at one point in time, indexed by {@link ChurnFeature#ordinal()}.
 *
 * @param customerId the customer
 * @param values one value per {@link ChurnFeature}, NaN where undefined
 */
public record FeatureVector(String customerId, double[] values) {

    private static final int WIDTH = ChurnFeature.values().length;

    /** Validates and copies the values. */
    public FeatureVector {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(values, "values is null");
        if (values.length != WIDTH) {
            throw new IllegalArgumentException("values must have " + WIDTH + " entries, got " + values.length);
        }
        values = values.clone();
    }

    /** The value of one feature (NaN when undefined). */
    public double value(ChurnFeature feature) {
        return values[feature.ordinal()];
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureVector that
                && customerId.equals(that.customerId)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * customerId.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector[" + customerId + ", " + Arrays.toString(values) + "]";
    }
}
