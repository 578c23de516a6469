package io.hearth.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of the customer's other conversations, on any channel, as an agent sees it beside the current
 * one: the threads of one customer are linked by her customer id.
 *
 * @param lastMessageAt when its newest message was written; its start when it has none
 * @param messages every message, notes included, oldest first
 */
public record LinkedConversation(
        UUID conversationId,
        String channel,
        ConversationState state,
        @Nullable Integer csat,
        Instant createdAt,
        Instant lastMessageAt,
        List<SupportMessage> messages) {

    public LinkedConversation {
        messages = List.copyOf(messages);
    }
}
