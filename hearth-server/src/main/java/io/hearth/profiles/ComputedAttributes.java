package io.hearth.profiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Attributes Hearth derives from a customer's events, current as of the last processed event.
 *
 * @param daysSinceLastOrder whole days from the last order to now; null without orders
 * @param rfm recency, frequency and monetary scores 1–5 (quintiles within the tenant); null without orders
 */
public record ComputedAttributes(
        long ordersCount,
        BigDecimal revenue,
        @Nullable String currency,
        @Nullable BigDecimal averageOrderValue,
        @Nullable Instant firstOrderAt,
        @Nullable Instant lastOrderAt,
        @Nullable Long daysSinceLastOrder,
        long refundsCount,
        BigDecimal refundedAmount,
        List<String> topCategories,
        Map<String, Long> engagementByChannel,
        @Nullable String preferredChannel,
        long eventsCount,
        @Nullable Instant lastSeenAt,
        @Nullable RfmScore rfm) {

    public ComputedAttributes {
        topCategories = List.copyOf(topCategories);
        engagementByChannel = Map.copyOf(engagementByChannel);
    }

    /** Recency, frequency, monetary: 5 is best (most recent, most frequent, highest spend). */
    public record RfmScore(int recency, int frequency, int monetary) {
        public String code() {
            return "" + recency + frequency + monetary;
        }
    }
}
