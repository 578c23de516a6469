package io.hearth.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation. Customer messages carry what the assistant read from them.
 *
 * @param sentiment VADER-style compound score, -1 (most negative) to +1
 */
public record SupportMessage(
        UUID messageId,
        Author author,
        String text,
        @Nullable String intent,
        @Nullable Double confidence,
        @Nullable Double sentiment,
        List<String> orderNumbers,
        Instant createdAt) {

    public SupportMessage {
        orderNumbers = List.copyOf(orderNumbers);
    }
}
