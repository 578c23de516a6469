package io.hearth.ml.rules;

/**
 * Thresholds of {@link Apriori}, with the meaning they have in R's arules.
 *
 * @param minSupport minimum share of baskets holding all items of a rule
 * @param minConfidence minimum confidence of a rule
 * @param maxItems maximum items in a rule, consequent included
 */
public record AprioriSettings(double minSupport, double minConfidence, int maxItems) {

    /** Validates the fields. */
    public AprioriSettings {
        if (!(minSupport > 0 && minSupport <= 1) || !(minConfidence >= 0 && minConfidence <= 1) || maxItems < 2) {
            throw new IllegalArgumentException("need 0 < minSupport <= 1, 0 <= minConfidence <= 1, maxItems >= 2");
        }
    }
}
