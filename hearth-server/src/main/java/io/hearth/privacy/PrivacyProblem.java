package io.hearth.privacy;

import io.hearth.shared.ProblemType;

/** Problems the privacy module reports. */
public enum PrivacyProblem implements ProblemType {
    INVALID_CONSENT(400, "invalid-consent", "The consent change is not valid"),
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    INVALID_DECISION(400, "invalid-decision", "The decision is not valid"),
    DECISION_INPUTS_TOO_LARGE(413, "decision-inputs-too-large", "The decision inputs are larger than 8 KB");

    private final Spec spec;

    PrivacyProblem(int status, String slug, String title) {
        this.spec = Spec.of("privacy", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
