package io.hearth.segments;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one segment of a tenant. */
public record SegmentId(UUID value) {

    public SegmentId {
        requireNonNull(value, "value is null");
    }

    public static SegmentId random() {
        return new SegmentId(UUID.randomUUID());
    }

    @JsonCreator
    public static SegmentId of(String value) {
        return new SegmentId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
