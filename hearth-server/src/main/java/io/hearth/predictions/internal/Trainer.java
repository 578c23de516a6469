package io.hearth.predictions.internal;

import io.hearth.predictions.ModelVersion;
import io.hearth.predictions.TrainingListener;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains every kind of a tenant on its orders up to now and stores one version per kind, good or
 * not. A port that fails stores nothing for its kind and does not stop the others.
 */
@Component
class Trainer {

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    private final HistoryReader histories;
    private final ModelRegistry registry;
    private final List<ModelPort<?>> ports;
    private final Clock clock;

    Trainer(HistoryReader histories, ModelRegistry registry, List<ModelPort<?>> ports, Clock clock) {
        this.histories = histories;
        this.registry = registry;
        this.ports = List.copyOf(ports);
        this.clock = clock;
    }

    List<ModelVersion> train(TenantId tenant, TrainingListener listener) {
        return train(tenant, clock.instant(), listener);
    }

    /** Trains on the orders placed up to {@code cutOff}, as if it were then: for backfills and evaluations. */
    List<ModelVersion> train(TenantId tenant, Instant cutOff, TrainingListener listener) {
        listener.reading(0);
        TrainingSet data = histories.trainingSet(tenant, cutOff, listener);
        long transactions = data.transactions();
        List<ModelVersion> stored = new ArrayList<>();
        for (ModelPort<?> port : ports) {
            listener.fitting(port.kind());
            try {
                ModelVersion version = registry.store(tenant, fit(port, data, transactions));
                stored.add(version);
                listener.stored(version);
                log.info("Tenant {} trained {} (good: {})", tenant, version.id(), version.good());
            } catch (RuntimeException e) {
                log.warn("Tenant {} could not train {}", tenant, port.kind(), e);
            }
        }
        return stored;
    }

    private <M> ModelStore.NewVersion fit(ModelPort<M> port, TrainingSet data, long transactions) {
        Trained<M> trained;
        try {
            trained = port.train(data);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The algorithms refuse degenerate data (all customers identical, one purchase each): record why.
            return failed(port, data, transactions, "training failed: " + e.getMessage());
        }
        return new ModelStore.NewVersion(
                port.kind(),
                clock.instant(),
                data.windowStart(),
                data.windowEnd(),
                data.customers().size(),
                transactions,
                trained.metrics(),
                trained.parameters(),
                port.codeVersion(trained.model()),
                trained.reason(),
                written(port, trained.model()));
    }

    /** The trained model is only needed as bytes: the registry parses its own copy when it serves. */
    private static <M> byte[] written(ModelPort<M> port, M model) {
        try {
            return port.write(model);
        } finally {
            port.release(model);
        }
    }

    private ModelStore.NewVersion failed(ModelPort<?> port, TrainingSet data, long transactions, String reason) {
        return new ModelStore.NewVersion(
                port.kind(),
                clock.instant(),
                data.windowStart(),
                data.windowEnd(),
                data.customers().size(),
                transactions,
                java.util.Map.of(),
                java.util.Map.of(),
                port.codeVersion(),
                reason,
                new byte[0]);
    }
}
