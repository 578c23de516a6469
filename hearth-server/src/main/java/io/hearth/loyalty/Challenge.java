package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A monthly spend challenge: each member's target is {@code stretch} above their typical month,
 * held between {@code minTarget} and {@code maxTarget}; reaching it earns {@code rewardPoints},
 * drawn from the budget {@code budgetId} when one is named (less, or nothing, once it runs out).
 */
public record Challenge(
        String challengeId,
        String name,
        double stretch,
        BigDecimal minTarget,
        BigDecimal maxTarget,
        long rewardPoints,
        boolean active,
        @Nullable String budgetId) {

    public Challenge {
        requireNonNull(challengeId, "challengeId is null");
        requireNonNull(name, "name is null");
        requireNonNull(minTarget, "minTarget is null");
        requireNonNull(maxTarget, "maxTarget is null");
    }
}
