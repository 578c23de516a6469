package io.hearth.ml.rules;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Thresholds of {@link SequentialRules}.
 *
 * @param window how soon after the antecedent the consequent must follow (strictly later, so same-day
 *     baskets, which basket rules cover, do not count)
 * @param minCustomers minimum customers following a rule, and buying each of its items
 * @param minConfidence minimum confidence of a rule
 */
public record SequentialRuleSettings(Duration window, int minCustomers, double minConfidence) {

    /** Validates the fields. */
    public SequentialRuleSettings {
        requireNonNull(window, "window is null");
        if (window.isNegative() || window.isZero() || minCustomers < 1 || !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("need a positive window, minCustomers >= 1, confidence in [0, 1]");
        }
    }
}
