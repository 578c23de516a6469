package io.hearth.recommendations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the caller knows about the moment of the request; every field is optional.
 *
 * @param device {@code desktop}, {@code mobile} or {@code app}
 * @param hour the shopper's local hour, 0–23
 * @param sessionId the anonymous id of the current browser session, whose recent views and adds are
 *     read (the customer's own recent events are read anyway)
 * @param productIds products on screen or in the cart: related items rank higher, these themselves are
 *     left out
 */
public record RecommendationContext(
        @Nullable String device,
        @Nullable Integer hour,
        @Nullable String sessionId,
        List<String> productIds) {

    public static final RecommendationContext NONE = new RecommendationContext(null, null, null, List.of());

    public RecommendationContext {
        productIds = List.copyOf(productIds);
    }
}
