package io.hearth.ml.health;

import static java.util.Objects.requireNonNull;

/**
 * How much one factor moved the score between two assessments.
 *
 * @param factor the factor
 * @param before its points in the earlier assessment
 * @param after its points in the later one
 */
public record HealthChange(HealthFactor factor, double before, double after) {

    /** Validates the fields. */
    public HealthChange {
        requireNonNull(factor, "factor is null");
    }

    /** Points gained (positive) or lost (negative). */
    public double delta() {
        return after - before;
    }
}
