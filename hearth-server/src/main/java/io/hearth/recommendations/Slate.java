package io.hearth.recommendations;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The items served for one request. Send {@code recommendationId} back as the {@code
 * recommendation_id} property of the click ({@code Product Clicked}) and purchase ({@code Order
 * Completed}) events it leads to, and they are attributed to the items' strategies.
 *
 * @param personalized false when the customer withheld the {@code personalization} purpose (then only
 *     popularity is used) or nothing is known about them
 */
public record Slate(
        UUID recommendationId,
        @Nullable String customerId,
        String surface,
        long modelVersion,
        boolean personalized,
        List<RecommendedItem> items) {

    public Slate {
        requireNonNull(recommendationId, "recommendationId is null");
        requireNonNull(surface, "surface is null");
        items = List.copyOf(items);
    }
}
