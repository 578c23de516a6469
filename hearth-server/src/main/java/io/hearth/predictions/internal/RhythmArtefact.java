package io.hearth.predictions.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the rule-based kinds learn from a tenant: the shop's median interval between trips, and for
 * churn the backtest's calibration table (predicted risk against the observed churn rate per decile).
 */
record RhythmArtefact(@Nullable Double populationMedianDays, List<CalibrationBin> calibration) {

    RhythmArtefact {
        calibration = List.copyOf(calibration);
    }

    Rhythm rhythm() {
        return new Rhythm(Optional.ofNullable(populationMedianDays));
    }

    record CalibrationBin(double meanPredicted, double observedRate, long customers) {}
}
