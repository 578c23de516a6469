package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

/**
 * A feature vector at a cut-off together with what happened next.
 *
 * @param features the customer's features at the cut-off
 * @param churned whether the customer made no purchase in the label window after the cut-off
 */
public record LabelledExample(FeatureVector features, boolean churned) {

    /** Validates the fields. */
    public LabelledExample {
        requireNonNull(features, "features is null");
    }
}
