package io.hearth.profiles;

import io.hearth.shared.ProblemType;

/** Problems the profiles module reports. */
public enum ProfilesProblem implements ProblemType {
    UNKNOWN_CUSTOMER(404, "unknown-customer", "No such customer"),
    INVALID_LOOKUP(400, "invalid-lookup", "The lookup is not valid"),
    NOT_MERGED(409, "not-merged", "The profile is not merged"),
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    UNKNOWN_MERGE_CANDIDATE(404, "unknown-merge-candidate", "No such merge candidate"),
    MERGE_CANDIDATE_DECIDED(409, "merge-candidate-decided", "The merge candidate is already decided");

    private final Spec spec;

    ProfilesProblem(int status, String slug, String title) {
        this.spec = Spec.of("profiles", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
