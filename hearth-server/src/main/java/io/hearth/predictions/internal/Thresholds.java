package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.Prediction;
import io.hearth.predictions.PredictionChanged;
import io.hearth.predictions.PredictionChanged.Signal;
import io.hearth.predictions.internal.ScoreStore.Stored;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which configured thresholds a new score crossed against the stored one. A customer scored for the
 * first time is compared with a healthy, not-yet-due baseline, so a first score already past a
 * threshold is announced once.
 */
@Component
class Thresholds {

    private final PredictionSettings settings;
    private final EarlyWarningSettings warnings;

    Thresholds(PredictionSettings settings, EarlyWarningSettings warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    boolean replenishmentDue(CustomerPredictions predictions) {
        double dueWithinDays = settings.replenishmentDueWithin().toMinutes() / 1440.0;
        return predictions.nextPurchase().map(p -> p.value() <= dueWithinDays).orElse(false);
    }

    List<PredictionChanged> crossed(TenantId tenant, CustomerPredictions now, Optional<Stored> before) {
        double churnBefore = before.map(Stored::churnRisk).orElse(0.0);
        double healthBefore = before.map(Stored::health).orElse(100.0);
        boolean dueBefore = before.map(Stored::replenishmentDue).orElse(false);
        List<PredictionChanged> changes = new ArrayList<>();
        double churn = now.churnRisk().value();
        double limit = settings.churnRiskThreshold();
        if ((churnBefore > limit) != (churn > limit)) {
            changes.add(change(
                    tenant,
                    now,
                    Signal.CHURN_RISK,
                    churnBefore,
                    churn,
                    limit,
                    churn > limit,
                    now.churnRisk().modelVersion()));
        }
        double health = now.health().value();
        double below = settings.healthAlertBelow();
        if ((healthBefore < below) != (health < below)) {
            changes.add(change(
                    tenant,
                    now,
                    Signal.HEALTH_DROP,
                    healthBefore,
                    health,
                    below,
                    health < below,
                    now.health().modelVersion()));
        }
        boolean due = replenishmentDue(now);
        if (due != dueBefore && now.nextPurchase().isPresent()) {
            double days = settings.replenishmentDueWithin().toMinutes() / 1440.0;
            changes.add(change(
                    tenant,
                    now,
                    Signal.REPLENISHMENT_DUE,
                    dueBefore ? 1 : 0,
                    now.nextPurchase().get().value(),
                    days,
                    due,
                    now.nextPurchase().get().modelVersion()));
        }
        boolean warnedBefore = before.map(Stored::earlyWarning).orElse(false);
        if (warnedBefore != now.earlyWarning().isPresent()) {
            changes.add(change(
                    tenant,
                    now,
                    Signal.EARLY_WARNING,
                    warnedBefore ? 0 : 1,
                    now.earlyWarning().map(Prediction::value).orElse(1.0),
                    warnings.threshold(),
                    now.earlyWarning().isPresent(),
                    now.earlyWarning().map(Prediction::modelVersion).orElse(EarlyWarnings.VERSION)));
        }
        return changes;
    }

    private static PredictionChanged change(
            TenantId tenant,
            CustomerPredictions now,
            Signal signal,
            double previous,
            double current,
            double threshold,
            boolean up,
            String version) {
        return new PredictionChanged(
                tenant, now.customerId(), signal, previous, current, threshold, up, version, now.asOf());
    }
}
