package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message as the log keeps it; bodies are not part of it. */
public record SentMessage(
        UUID messageId,
        String templateKey,
        MessageChannel channel,
        String contentKey,
        Attribution attribution,
        MessageStatus status,
        @Nullable String reason,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt) {

    public SentMessage {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(status, "status is null");
    }
}
