package io.hearth.segments;

import io.hearth.shared.ProblemType;

/** Problems the segments module reports. */
public enum SegmentsProblem implements ProblemType {
    INVALID_SEGMENT(400, "invalid-segment", "The segment is not valid"),
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    UNKNOWN_SEGMENT(404, "unknown-segment", "No such segment"),
    NAME_TAKEN(409, "name-taken", "A segment with this name exists");

    private final Spec spec;

    SegmentsProblem(int status, String slug, String title) {
        this.spec = Spec.of("segments", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
