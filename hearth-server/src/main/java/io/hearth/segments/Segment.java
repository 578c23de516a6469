package io.hearth.segments;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A named CEL expression over the {@code customer} variable, with its current member count.
 *
 * @param memberCount customers in the segment when it was read
 */
public record Segment(
        SegmentId segmentId, String name, String expression, long memberCount, Instant createdAt, Instant updatedAt) {

    public Segment {
        requireNonNull(segmentId, "segmentId is null");
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
