package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

/**
 * How much one feature pushed one prediction, in log-odds of churn (tree SHAP): positive raises the
 * risk, negative lowers it; all contributions plus the model's base value add up to the raw score.
 *
 * @param feature the feature
 * @param value the customer's value of it (NaN when undefined)
 * @param contribution its additive share of the raw log-odds score
 */
public record FeatureContribution(ChurnFeature feature, double value, double contribution) {

    /** Validates the fields. */
    public FeatureContribution {
        requireNonNull(feature, "feature is null");
    }
}
