package io.hearth.support;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation with its messages (oldest first) and, once escalated, its queue and priority.
 *
 * @param priority the score used for ordering: the agent's override when there is one
 * @param why the terms of the computed score
 * @param assignedTo the agent the conversation is assigned to; null while anyone in its queue may take it
 */
public record Conversation(
        UUID conversationId,
        @Nullable CustomerId customerId,
        String channel,
        ConversationState state,
        @Nullable String queue,
        @Nullable EscalationReason escalationReason,
        @Nullable Double priority,
        List<PriorityFactor> why,
        boolean priorityOverridden,
        @Nullable Integer csat,
        Instant createdAt,
        @Nullable Instant escalatedAt,
        @Nullable Instant slaBreachedAt,
        @Nullable String assignedTo,
        List<SupportMessage> messages) {

    public Conversation {
        why = List.copyOf(why);
        messages = List.copyOf(messages);
    }
}
