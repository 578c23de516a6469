package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * A challenge across the program in one month: how many members got a target, how many reached it,
 * and how likely the calibration thought that was.
 *
 * @param period the calendar month (UTC), {@code 2026-12}
 * @param targets members whose target for the month was set
 * @param completed members who reached it (their award was written, even when a budget paid nothing)
 * @param meanProbability the mean predicted chance of the targets set, 0 when none
 */
public record ChallengeStanding(
        Challenge challenge, String period, long targets, long completed, double meanProbability) {

    public ChallengeStanding {
        requireNonNull(challenge, "challenge is null");
        requireNonNull(period, "period is null");
    }
}
