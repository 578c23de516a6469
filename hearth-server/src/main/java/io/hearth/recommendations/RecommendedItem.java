package io.hearth.recommendations;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** One item of a slate, with the strategy that put it there and why, for a human. */
public record RecommendedItem(
        String productId,
        @Nullable String name,
        @Nullable String category,
        double score,
        Strategy strategy,
        String reason) {

    public RecommendedItem {
        requireNonNull(productId, "productId is null");
        requireNonNull(strategy, "strategy is null");
        requireNonNull(reason, "reason is null");
    }
}
