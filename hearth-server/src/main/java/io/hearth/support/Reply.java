package io.hearth.support;

import org.jspecify.annotations.Nullable;

/**
 * What the assistant did with one customer message.
 *
 * @param answer the assistant's reply, or null when the conversation went to (or is with) an agent
 * @param automation the automation that answered ({@code order_status}, {@code knowledge}, …), or null
 * @param escalation why it went to an agent, when it just did
 */
public record Reply(
        SupportMessage customerMessage,
        @Nullable SupportMessage answer,
        @Nullable String automation,
        @Nullable EscalationReason escalation,
        Conversation conversation) {}
