package io.hearth.predictions.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the early warnings: a silence improbable under the customer's own rhythm, or trouble
 * events (failed deliveries, payment errors) arriving much faster than before.
 *
 * @param threshold a gap or a burst less likely than this raises a warning
 * @param clearAbove a raised warning clears only once its finding is more likely than this: between
 *     the two it keeps its previous state, so a customer hovering at the threshold does not flap
 * @param troubleEvents the event names counted as trouble
 * @param recent the window whose trouble events are tested
 * @param baseline the window before {@code recent} that gives the customer's usual rate
 */
@ConfigurationProperties("hearth.predictions.early-warning")
record EarlyWarningSettings(
        @DefaultValue("0.05") double threshold,
        @DefaultValue("0.10") double clearAbove,

        @DefaultValue({"Delivery Failed", "Payment Failed", "Checkout Failed", "Error Occurred"})
        List<String> troubleEvents,

        @DefaultValue("P14D") Duration recent,
        @DefaultValue("P90D") Duration baseline) {

    EarlyWarningSettings {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("hearth.predictions.early-warning.threshold must be in (0, 1)");
        }
        if (!(clearAbove >= threshold && clearAbove < 1)) {
            throw new IllegalArgumentException(
                    "hearth.predictions.early-warning.clear-above must be in [threshold, 1)");
        }
        if (recent.isNegative() || recent.isZero() || baseline.isNegative() || baseline.isZero()) {
            throw new IllegalArgumentException(
                    "hearth.predictions.early-warning: recent and baseline must be positive");
        }
        troubleEvents = List.copyOf(troubleEvents);
    }
}
