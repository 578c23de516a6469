package io.hearth.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation. Customer messages carry what the assistant read from them.
 *
 * @param sentiment VADER-style compound score, -1 (most negative) to +1
 * @param orderNumbers the values of the order-number entities, kept for callers that need only those
 * @param entities every entity found (order numbers, SKUs, emails, amounts, dates) in order of position
 */
public record SupportMessage(
        UUID messageId,
        Author author,
        String text,
        @Nullable String intent,
        @Nullable Double confidence,
        @Nullable Double sentiment,
        List<String> orderNumbers,
        List<MessageEntity> entities,
        Instant createdAt) {

    public SupportMessage {
        orderNumbers = List.copyOf(orderNumbers);
        entities = List.copyOf(entities);
    }

    /** A message whose only entities are these order numbers (or none: assistant, agent and notes). */
    public SupportMessage(
            UUID messageId,
            Author author,
            String text,
            @Nullable String intent,
            @Nullable Double confidence,
            @Nullable Double sentiment,
            List<String> orderNumbers,
            Instant createdAt) {
        this(
                messageId,
                author,
                text,
                intent,
                confidence,
                sentiment,
                orderNumbers,
                orderNumbers.stream().map(MessageEntity::orderNumber).toList(),
                createdAt);
    }
}
