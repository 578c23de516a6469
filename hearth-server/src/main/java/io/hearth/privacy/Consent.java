package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded consent answer: a current state, or an entry of the history. */
public record Consent(
        Purpose purpose,
        Channel channel,
        boolean granted,
        String source,
        Instant occurredAt,
        @Nullable String proof,
        Instant recordedAt) {

    public Consent {
        requireNonNull(purpose, "purpose is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(source, "source is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(recordedAt, "recordedAt is null");
    }
}
