package io.hearth.tenancy;

import io.hearth.shared.ProblemType;

/** Problems the tenancy module reports. */
public enum TenancyProblem implements ProblemType {
    UNAUTHENTICATED(401, "unauthenticated", "Missing or invalid credentials"),
    FORBIDDEN(403, "forbidden", "The key lacks the scope this needs"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    UNKNOWN_API_KEY(404, "unknown-api-key", "No such API key"),
    INVALID_REQUEST(400, "invalid-request", "The request is not valid");

    private final int status;
    private final String slug;
    private final String title;

    TenancyProblem(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return "tenancy." + slug;
    }

    @Override
    public String title() {
        return title;
    }
}
