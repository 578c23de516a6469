package io.hearth.profiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One event on a customer's timeline, with the facts Hearth drew from it. */
public record TimelineEntry(
        UUID eventId,
        Instant timestamp,
        String type,
        @Nullable String event,
        @Nullable String orderId,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        List<String> categories,
        @Nullable String channel) {

    public TimelineEntry {
        categories = List.copyOf(categories);
    }
}
