package io.hearth.platform;

import io.hearth.shared.ProblemType;

/** Problems raised by the HTTP layer itself, before a module sees the request. */
enum PlatformProblem implements ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request body could not be read"),
    INVALID_PARAMETER(400, "invalid-parameter", "A request parameter is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "Missing or invalid credentials"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal-error", "Internal error");

    private final Spec spec;

    PlatformProblem(int status, String slug, String title) {
        this.spec = Spec.of("platform", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
