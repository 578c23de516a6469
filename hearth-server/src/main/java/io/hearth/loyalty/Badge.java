package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A badge or milestone a member earns once.
 *
 * @param threshold the lifetime points, the paid orders, or the weeks in a row with an order
 * @param rewardPoints points credited when it is earned; 0 for the badge alone
 */
public record Badge(String badgeId, String name, Kind kind, long threshold, long rewardPoints, boolean active) {

    public Badge {
        requireNonNull(badgeId, "badgeId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }

    public enum Kind {
        LIFETIME_POINTS,
        ORDERS,
        WEEKLY_STREAK
    }

    /** Where the member stands: their figure, and when they earned the badge (null while not yet). */
    public record Progress(
            Badge badge, long value, @Nullable Instant earnedAt) {}
}
