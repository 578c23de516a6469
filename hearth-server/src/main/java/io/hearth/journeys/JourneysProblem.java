package io.hearth.journeys;

import io.hearth.shared.ProblemType;

/** Problems the journeys module reports. */
public enum JourneysProblem implements ProblemType {
    INVALID_JOURNEY(400, "invalid-journey", "The journey definition is not valid"),
    INVALID_MIGRATION(400, "invalid-migration", "The migration of runs in flight is not valid"),
    UNKNOWN_JOURNEY(404, "unknown-journey", "There is no journey with that key"),
    UNKNOWN_CUSTOMER(404, "unknown-customer", "There is no customer with that id"),
    UNSUPPORTED_FORMAT(415, "unsupported-format", "Send the definition as JSON or YAML");

    private final Spec spec;

    JourneysProblem(int status, String slug, String title) {
        this.spec = Spec.of("journeys", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
