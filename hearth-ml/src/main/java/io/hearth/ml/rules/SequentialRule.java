package io.hearth.ml.rules;

import static java.util.Objects.requireNonNull;

/**
 * "Customers who first buy {@code antecedent} first buy {@code consequent} within the window after."
 *
 * @param antecedent the item bought first
 * @param consequent the item bought for the first time afterwards, within the window
 * @param customers customers who followed the rule
 * @param support share of all customers who followed it
 * @param confidence share of the antecedent's eligible buyers who followed it
 * @param lift confidence over the share of all customers who bought the consequent at all (a conservative
 *     base rate, since buying it within a window is rarer than buying it ever)
 */
public record SequentialRule(
        String antecedent, String consequent, int customers, double support, double confidence, double lift) {

    /** Validates the fields. */
    public SequentialRule {
        requireNonNull(antecedent, "antecedent is null");
        requireNonNull(consequent, "consequent is null");
    }
}
