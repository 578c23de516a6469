package io.hearth.ml.seasonality;

import static java.util.Objects.requireNonNull;

/**
 * A customer silent for longer than their own rhythm makes plausible.
 *
 * @param customerId the customer
 * @param elapsedDays days since their last purchase
 * @param typicalIntervalDays their median interval between purchase days
 * @param probability chance that a gap at least this long happens under their rhythm (lower is stranger)
 */
public record RhythmBreak(String customerId, double elapsedDays, double typicalIntervalDays, double probability) {

    /** Validates the fields. */
    public RhythmBreak {
        requireNonNull(customerId, "customerId is null");
    }
}
