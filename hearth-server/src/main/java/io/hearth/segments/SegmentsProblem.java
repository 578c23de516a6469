package io.hearth.segments;

import io.hearth.shared.ProblemType;

/** Problems the segments module reports. */
public enum SegmentsProblem implements ProblemType {
    INVALID_SEGMENT(400, "invalid-segment", "The segment is not valid"),
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    UNKNOWN_SEGMENT(404, "unknown-segment", "No such segment"),
    NAME_TAKEN(409, "name-taken", "A segment with this name exists");

    private final int status;
    private final String slug;
    private final String title;

    SegmentsProblem(int status, String slug, String title) {
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
        return "segments." + slug;
    }

    @Override
    public String title() {
        return title;
    }
}
