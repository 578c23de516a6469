package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A churn risk with its explanation.
 *
 * @param customerId the customer
 * @param probability calibrated probability of no purchase within the model's horizon
 * @param logOdds the booster's uncalibrated score: {@code baseLogOdds} plus every feature's contribution
 * @param baseLogOdds the model's expected score over the training data, where every explanation starts
 * @param topFactors the features with the largest absolute contributions, largest first
 */
public record ChurnPrediction(
        String customerId,
        double probability,
        double logOdds,
        double baseLogOdds,
        List<FeatureContribution> topFactors) {

    /** Validates and copies the fields. */
    public ChurnPrediction {
        requireNonNull(customerId, "customerId is null");
        topFactors = List.copyOf(requireNonNull(topFactors, "topFactors is null"));
    }
}
