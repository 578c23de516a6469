package io.hearth.journeys;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a journey's runs did, per step and outcome (and reason, for suppressions and exits): the
 * funnel of entered, sent, suppressed by reason, holdout, exited; and the conversion of its treated
 * runs against its held-out ones.
 */
public record JourneyStats(String journey, List<Count> counts, ConversionComparison conversion) {

    public JourneyStats {
        counts = List.copyOf(counts);
    }

    /** How often a step ended with an outcome. */
    public record Count(
            String step, String outcome, @Nullable String reason, long count) {}

    /** The total of an outcome over all steps (and reasons). */
    public long total(String outcome) {
        return counts.stream()
                .filter(count -> count.outcome().equals(outcome))
                .mapToLong(Count::count)
                .sum();
    }

    /** The total of an outcome with a reason over all steps. */
    public long total(String outcome, String reason) {
        return counts.stream()
                .filter(count -> count.outcome().equals(outcome) && reason.equals(count.reason()))
                .mapToLong(Count::count)
                .sum();
    }
}
