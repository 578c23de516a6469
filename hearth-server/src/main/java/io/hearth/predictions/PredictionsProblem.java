package io.hearth.predictions;

import io.hearth.shared.ProblemType;

/** Problems the predictions module reports. */
public enum PredictionsProblem implements ProblemType {
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    UNKNOWN_MODEL(404, "unknown-model", "No such model version"),
    NOT_ENOUGH_DATA(422, "not-enough-data", "Not enough data to train");

    private final Spec spec;

    PredictionsProblem(int status, String slug, String title) {
        this.spec = Spec.of("predictions", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
