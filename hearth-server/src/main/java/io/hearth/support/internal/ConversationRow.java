package io.hearth.support.internal;

import io.hearth.shared.CustomerId;
import io.hearth.support.ConversationState;
import io.hearth.support.EscalationReason;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A conversation's row without its messages. */
record ConversationRow(
        UUID conversationId,
        @Nullable CustomerId customerId,
        String channel,
        ConversationState state,
        @Nullable String queue,
        @Nullable EscalationReason reason,
        @Nullable Double priority,
        @Nullable String whyJson,
        @Nullable Double override,
        int failures,
        @Nullable Integer csat,
        Instant createdAt,
        @Nullable Instant escalatedAt,
        @Nullable Instant slaBreachedAt,
        @Nullable String assignedTo) {

    @Nullable
    Double effectivePriority() {
        return override != null ? override : priority;
    }
}
