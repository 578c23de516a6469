package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Something a member redeems points for.
 *
 * @param kind what it is: {@code discount}, {@code free_shipping}, {@code product}, {@code perk}
 * @param minTier the lowest tier that may redeem it; null for every member
 */
public record Reward(
        String rewardId,
        String name,
        String kind,
        long cost,
        boolean active,
        @Nullable String minTier) {

    public Reward {
        requireNonNull(rewardId, "rewardId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
