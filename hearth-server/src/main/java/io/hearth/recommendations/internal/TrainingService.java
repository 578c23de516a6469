package io.hearth.recommendations.internal;

import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.TrainingProgress;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One training run of a tenant: read the signals, train every model, store the version, swap it in.
 * Runs are serialized per node so that two runs never race for the same version number; across nodes
 * the scheduler runs each tenant's task on one node at a time.
 */
@Service
public class TrainingService {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final SignalReader signals;
    private final ProductEmbeddings descriptions;
    private final RecommendationModelStore store;
    private final RecommendationModelRegistry registry;
    private final ModelTrainer trainer;
    private final RecommendationsSettings settings;
    private final Clock clock;

    TrainingService(
            SignalReader signals,
            ProductEmbeddings descriptions,
            RecommendationModelStore store,
            RecommendationModelRegistry registry,
            RecommendationsSettings settings,
            Clock clock) {
        this.signals = signals;
        this.descriptions = descriptions;
        this.store = store;
        this.registry = registry;
        this.trainer = new ModelTrainer(settings);
        this.settings = settings;
        this.clock = clock;
    }

    public synchronized ModelSummary train(TenantId tenant, TrainingProgress progress) {
        Instant now = clock.instant();
        var read = signals.since(tenant, now.minus(settings.trainingWindow()), Integer.MAX_VALUE, progress::eventsRead);
        Map<String, float[]> described =
                settings.describeProducts() ? descriptions.refresh(tenant, progress) : Map.of();
        ServingModel model = trainer.train(store.nextVersion(tenant), read, described, now, true, progress);
        store.save(tenant, model);
        registry.install(tenant, model);
        progress.step("stored", "version " + model.version());
        log.info(
                "tenant {} recommendations model {} trained on {} signals in {} ms",
                tenant,
                model.version(),
                read.size(),
                model.summary().trainingMillis());
        return model.summary();
    }
}
