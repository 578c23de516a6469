package io.hearth.ingestion;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A filter over the event log; every field is optional. Results come newest first; {@code cursor} is
 * the {@code next} value of the previous page.
 */
public record EventQuery(
        @Nullable String type,
        @Nullable String event,
        @Nullable String userId,
        @Nullable String anonymousId,
        @Nullable Instant from,
        @Nullable Instant to,
        int limit,
        @Nullable String cursor) {

    public static final int MAX_LIMIT = 1_000;

    public Optional<String> cursorValue() {
        return Optional.ofNullable(cursor);
    }
}
