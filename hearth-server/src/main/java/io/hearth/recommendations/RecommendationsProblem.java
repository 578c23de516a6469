package io.hearth.recommendations;

import io.hearth.shared.ProblemType;

/** Problems the recommendations module reports. */
public enum RecommendationsProblem implements ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The recommendation request is not valid"),
    UNKNOWN_CUSTOMER(404, "unknown-customer", "No such customer"),
    UNKNOWN_PRODUCT(404, "unknown-product", "No such product");

    private final Spec spec;

    RecommendationsProblem(int status, String slug, String title) {
        this.spec = Spec.of("recommendations", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
