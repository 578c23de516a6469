package io.hearth.predictions.internal;

import io.hearth.ml.seasonality.EarlyWarning;
import io.hearth.ml.seasonality.RhythmBreak;
import io.hearth.ml.seasonality.SignalAnomaly;
import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * hearth-ml's {@link EarlyWarning} over one customer: a silence improbable under their own rhythm
 * (log-normal over their intervals) and trouble events arriving faster than their baseline (Poisson).
 * The warning's value is the probability of the strangest finding; every finding is in the explanation.
 *
 * <p>Hysteresis: a warning is raised below {@code threshold} but, once raised, held until its finding
 * is more likely than {@code clearAbove}. A customer whose probability wobbles around the threshold
 * between scorings (a trouble event moving from the recent window into the baseline) keeps one state.
 */
@Component
class EarlyWarnings {

    static final String VERSION = "early-warning-rules@1";
    static final String RHYTHM_BREAK = "rhythm-break";

    private final EarlyWarningSettings settings;
    private final EarlyWarning raising;
    private final EarlyWarning holding;

    EarlyWarnings(EarlyWarningSettings settings) {
        this.settings = settings;
        this.raising = new EarlyWarning(settings.threshold());
        this.holding = new EarlyWarning(settings.clearAbove());
    }

    /** The warning for this scoring; {@code warnedBefore} is whether the customer's last stored score had one. */
    Optional<Prediction> warn(CustomerFeatures customer, boolean warnedBefore) {
        EarlyWarning warning = warnedBefore ? holding : raising;
        List<Finding> findings = new ArrayList<>();
        List<Instant> purchases = customer.history().purchases().stream()
                .filter(p -> !p.refunded())
                .map(Purchase::at)
                .toList();
        // A purchase at asOf is known: the model reads strictly earlier ones.
        warning.rhythmBreak(
                        customer.customer().value(), purchases, customer.asOf().plusNanos(1), 1.0)
                .ifPresent(found -> findings.add(rhythm(found)));
        for (Map.Entry<String, List<Instant>> trouble : customer.troubleEvents().entrySet()) {
            warning.signalAnomaly(
                            trouble.getKey(),
                            trouble.getValue(),
                            customer.asOf().plusNanos(1),
                            settings.recent(),
                            settings.baseline())
                    .ifPresent(found -> findings.add(anomaly(found)));
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        findings.sort(Comparator.comparingDouble(Finding::probability));
        List<Factor> factors =
                findings.stream().flatMap(finding -> finding.factors().stream()).toList();
        Finding strangest = findings.getFirst();
        return Optional.of(
                new Prediction(strangest.probability(), strangest.label(), "probability", factors, VERSION, false));
    }

    private static Finding rhythm(RhythmBreak found) {
        return new Finding(
                RHYTHM_BREAK,
                found.probability(),
                List.of(
                        new Factor(
                                "days_since_last_purchase",
                                found.elapsedDays(),
                                found.probability(),
                                String.format(
                                        Locale.ROOT,
                                        "silent for %.1f days against a typical %.1f-day rhythm: a gap this long has"
                                                + " probability %.3f",
                                        found.elapsedDays(),
                                        found.typicalIntervalDays(),
                                        found.probability())),
                        new Factor(
                                "typical_interval_days",
                                found.typicalIntervalDays(),
                                0,
                                "the customer's own typical days between purchase days")));
    }

    private Finding anomaly(SignalAnomaly found) {
        return new Finding(
                found.signal(),
                found.probability(),
                List.of(new Factor(
                        "recent_events:" + found.signal(),
                        found.recentCount(),
                        found.probability(),
                        String.format(
                                Locale.ROOT,
                                "%d '%s' in the last %d days where %.2f were expected from the %d days before:"
                                        + " probability %.4f",
                                found.recentCount(),
                                found.signal(),
                                settings.recent().toDays(),
                                found.expectedCount(),
                                settings.baseline().toDays(),
                                found.probability()))));
    }

    private record Finding(String label, double probability, List<Factor> factors) {}
}
