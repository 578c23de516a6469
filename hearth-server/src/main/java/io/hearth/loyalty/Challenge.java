package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A monthly challenge: what it counts ({@code kind}) in a calendar month, with each member's target
 * {@code stretch} above their typical month, held between {@code minTarget} and {@code maxTarget};
 * reaching it earns {@code rewardPoints}, drawn from the budget {@code budgetId} when one is named
 * (less, or nothing, once it runs out).
 */
public record Challenge(
        String challengeId,
        String name,
        Kind kind,
        double stretch,
        BigDecimal minTarget,
        BigDecimal maxTarget,
        long rewardPoints,
        boolean active,
        @Nullable String budgetId) {

    public Challenge {
        requireNonNull(challengeId, "challengeId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(minTarget, "minTarget is null");
        requireNonNull(maxTarget, "maxTarget is null");
    }

    /** What a challenge counts in a month. Every kind but {@code SPEND} counts whole units. */
    public enum Kind {
        /** The total of the orders placed that were not refunded or cancelled. */
        SPEND,
        /** The orders placed that were not refunded or cancelled. */
        ORDERS,
        /** Purchase categories the member bought from for the first time (from their earned order lines). */
        NEW_CATEGORIES,
        /** Reviews rewarded with a {@code REVIEW_WRITTEN} bonus. */
        REVIEWS,
        /** The longest run of consecutive weeks (Monday to Sunday, UTC) with a page view, within the month. */
        WEEKLY_VISITS;

        public boolean counted() {
            return this != SPEND;
        }
    }
}
