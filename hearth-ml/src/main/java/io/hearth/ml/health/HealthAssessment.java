package io.hearth.ml.health;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A health score with its parts.
 *
 * @param customerId the customer
 * @param score 0 (gone) to 100 (thriving), the sum of the points
 * @param points each factor's points, between 0 and its weight × 100
 */
public record HealthAssessment(String customerId, double score, Map<HealthFactor, Double> points) {

    /** Validates and copies the fields. */
    public HealthAssessment {
        requireNonNull(customerId, "customerId is null");
        points = Map.copyOf(requireNonNull(points, "points is null"));
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be in [0, 100], got " + score);
        }
    }
}
