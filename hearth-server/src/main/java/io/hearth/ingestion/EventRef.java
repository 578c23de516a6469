package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** Points at a stored event: its id and (clock-skew corrected) time, which the log is indexed by. */
public record EventRef(UUID eventId, Instant timestamp) {

    public EventRef {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(timestamp, "timestamp is null");
    }
}
