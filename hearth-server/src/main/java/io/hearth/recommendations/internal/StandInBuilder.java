package io.hearth.recommendations.internal;

import io.hearth.recommendations.TrainingProgress;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The model served before a tenant's first training: popularity over its most recent events only, so
 * that it is quick to build on a request and a new shop still gets full slates.
 */
@Component
class StandInBuilder {

    static final int RECENT_EVENTS = 5_000;

    private final SignalReader signals;
    private final ModelTrainer trainer;
    private final RecommendationsSettings settings;
    private final Clock clock;

    StandInBuilder(SignalReader signals, RecommendationsSettings settings, Clock clock) {
        this.signals = signals;
        this.trainer = new ModelTrainer(settings);
        this.settings = settings;
        this.clock = clock;
    }

    ServingModel build(TenantId tenant) {
        Instant now = clock.instant();
        return trainer.train(
                0,
                signals.since(tenant, now.minus(settings.trainingWindow()), RECENT_EVENTS, read -> {}),
                Map.of(),
                now,
                false,
                TrainingProgress.NONE);
    }
}
