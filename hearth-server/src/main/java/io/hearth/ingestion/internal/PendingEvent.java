package io.hearth.ingestion.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A validated, normalized message ready for the log. */
record PendingEvent(
        UUID eventId,
        String messageId,
        String type,
        @Nullable String event,
        @Nullable String userId,
        @Nullable String anonymousId,
        Instant timestamp,
        Instant receivedAt,
        String payload) {}
