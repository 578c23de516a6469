package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** How many events of a tenant happened in the minute that starts at {@code minute}. */
public record MinuteCount(Instant minute, long events) {

    public MinuteCount {
        requireNonNull(minute, "minute is null");
        if (events < 0) {
            throw new IllegalArgumentException("events is negative");
        }
    }
}
