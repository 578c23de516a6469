package io.hearth.loyalty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a member stands in the tiers.
 *
 * @param tier the current tier; null when the program has no tiers or the member reached none
 * @param earnedInWindow points earned (pending or available, not refunded) in the rolling window
 * @param nextTier the next tier up; null at the top
 * @param pointsToNextTier what is missing for the next tier; 0 at the top
 * @param downgradeAt when the member drops to the tier they qualify for unless they earn enough
 *     before; null when they qualify for their tier
 */
public record TierStatus(
        @Nullable String tier,
        @Nullable Instant since,
        long earnedInWindow,
        @Nullable String nextTier,
        long pointsToNextTier,
        @Nullable Instant downgradeAt) {}
