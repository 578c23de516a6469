package io.hearth.tenancy;

import io.hearth.shared.ProblemType;

/** Problems the tenancy module reports. */
public enum TenancyProblem implements ProblemType {
    UNAUTHENTICATED(401, "unauthenticated", "Missing or invalid credentials"),
    FORBIDDEN(403, "forbidden", "The key lacks the scope this needs"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    UNKNOWN_API_KEY(404, "unknown-api-key", "No such API key"),
    INVALID_REQUEST(400, "invalid-request", "The request is not valid");

    private final Spec spec;

    TenancyProblem(int status, String slug, String title) {
        this.spec = Spec.of("tenancy", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
