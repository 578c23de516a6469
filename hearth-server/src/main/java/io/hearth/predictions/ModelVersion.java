package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One trained version of a model in the registry.
 *
 * @param id {@code <kind>@<version>}, as predictions and the decision log name it
 * @param windowStart first instant of the data it was trained on
 * @param windowEnd last instant of it (the training cut-off)
 * @param customers customers in the training data
 * @param transactions purchases (customer-days) in the training data
 * @param metrics quality figures measured at training (e.g. log-likelihood, holdout error)
 * @param parameters fitted parameters
 * @param codeVersion the Hearth build and algorithm that trained it
 * @param good whether it passed the checks to serve; a version that did not stays listed with its reason
 * @param reason why it is not good; null when it is
 */
public record ModelVersion(
        String id,
        ModelKind kind,
        int version,
        Instant trainedAt,
        Instant windowStart,
        Instant windowEnd,
        long customers,
        long transactions,
        Map<String, Double> metrics,
        Map<String, Double> parameters,
        String codeVersion,
        boolean good,
        @Nullable String reason) {

    public ModelVersion {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        metrics = Map.copyOf(metrics);
        parameters = Map.copyOf(parameters);
        requireNonNull(codeVersion, "codeVersion is null");
    }
}
