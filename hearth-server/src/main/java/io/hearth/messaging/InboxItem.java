package io.hearth.messaging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message in a customer's in-app inbox. */
public record InboxItem(
        UUID messageId,
        @Nullable String title,
        @Nullable String body,
        Instant createdAt,
        @Nullable Instant readAt) {}
