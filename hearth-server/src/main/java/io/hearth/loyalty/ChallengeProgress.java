package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One member's standing in a challenge this month.
 *
 * @param period the calendar month (UTC), {@code 2026-12}
 * @param target what this member must spend, calibrated from their own months
 * @param probability the chance they reach it, computed when the target was set
 * @param typical their typical (median) active month the target was based on
 * @param progress what they spent this month so far
 */
public record ChallengeProgress(
        Challenge challenge,
        String period,
        BigDecimal target,
        double probability,
        BigDecimal typical,
        BigDecimal progress,
        boolean completed) {

    public ChallengeProgress {
        requireNonNull(challenge, "challenge is null");
        requireNonNull(period, "period is null");
    }
}
