package io.hearth.journeys.internal;

import io.hearth.journeys.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The next-best-action rule, pure: each action's response rate is a Beta posterior mean of the
 * customer's own responses to it, shrunk towards the rate of all customers (so a new customer starts
 * from what works for everyone, and their own answers take over as they come); the expected value is
 * the action's value times that rate. Of the actions the guardrails allow, the one of highest
 * expected value wins (the first listed on a tie).
 */
final class NextBestAction {

    /** How many of their own messages weigh as much as everyone's experience, for a customer. */
    static final double PRIOR_STRENGTH = 4;

    private NextBestAction() {}

    /** What is known of one action for one customer. */
    record Candidate(
            Step.Action action,
            @Nullable String blockedBy,
            long customerSent,
            long customerEngaged,
            long allSent,
            long allEngaged) {

        double populationRate() {
            return (allEngaged + 1.0) / (allSent + 2.0);
        }

        double rate() {
            return (customerEngaged + PRIOR_STRENGTH * populationRate()) / (customerSent + PRIOR_STRENGTH);
        }

        double expectedValue() {
            return action.value() * rate();
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s: %s, rate %.3f (own %d/%d, all %d/%d), expected value %.2f",
                    action.id(),
                    blockedBy == null ? "eligible" : "blocked by " + blockedBy,
                    rate(),
                    customerEngaged,
                    customerSent,
                    allEngaged,
                    allSent,
                    expectedValue());
        }
    }

    /** The eligible candidate of highest expected value, if any is eligible. */
    static Optional<Candidate> choose(List<Candidate> candidates) {
        return candidates.stream()
                .filter(candidate -> candidate.blockedBy() == null)
                .max(Comparator.comparingDouble(Candidate::expectedValue)
                        .thenComparing(candidate -> -candidates.indexOf(candidate)));
    }

    /** Why the chosen candidate won, for the decision log. */
    static String reason(Candidate chosen, List<Candidate> candidates) {
        List<String> others = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate != chosen) {
                others.add(candidate.action().id() + " "
                        + (candidate.blockedBy() == null
                                ? String.format(Locale.ROOT, "%.2f", candidate.expectedValue())
                                : "blocked by " + candidate.blockedBy()));
            }
        }
        return String.format(Locale.ROOT, "highest expected value %.2f", chosen.expectedValue())
                + (others.isEmpty() ? "" : " over " + String.join(", ", others));
    }

    /** How many of the newest messages in a row were ignored (newest first: true when engaged). */
    static int ignoredInARow(List<Boolean> engagedNewestFirst) {
        int ignored = 0;
        for (boolean engaged : engagedNewestFirst) {
            if (engaged) {
                break;
            }
            ignored++;
        }
        return ignored;
    }
}
