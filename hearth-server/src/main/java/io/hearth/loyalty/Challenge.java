package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A monthly spend challenge: each member's target is {@code stretch} above their typical month,
 * held between {@code minTarget} and {@code maxTarget}; reaching it earns {@code rewardPoints}.
 */
public record Challenge(
        String challengeId,
        String name,
        double stretch,
        BigDecimal minTarget,
        BigDecimal maxTarget,
        long rewardPoints,
        boolean active) {

    public Challenge {
        requireNonNull(challengeId, "challengeId is null");
        requireNonNull(name, "name is null");
        requireNonNull(minTarget, "minTarget is null");
        requireNonNull(maxTarget, "maxTarget is null");
    }
}
