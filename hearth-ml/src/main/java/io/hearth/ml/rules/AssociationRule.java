package io.hearth.ml.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A basket rule {@code antecedent ⇒ consequent}.
 *
 * @param antecedent items in the basket (sorted)
 * @param consequent the item the rule predicts also being in it
 * @param baskets baskets holding antecedent and consequent together
 * @param support share of all baskets holding antecedent and consequent
 * @param confidence share of the antecedent's baskets that also hold the consequent
 * @param lift confidence over the consequent's own support: how many times likelier than chance
 */
public record AssociationRule(
        List<String> antecedent, String consequent, int baskets, double support, double confidence, double lift) {

    /** Validates and copies the fields. */
    public AssociationRule {
        antecedent = List.copyOf(requireNonNull(antecedent, "antecedent is null"));
        requireNonNull(consequent, "consequent is null");
    }

    @Override
    public String toString() {
        return String.format(
                "{%s} => {%s} support %.6f confidence %.4f lift %.4f",
                String.join(",", antecedent), consequent, support, confidence, lift);
    }
}
