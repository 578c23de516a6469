package io.hearth.recommendations.internal;

import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The model each tenant is served from, in memory. A new version replaces the old one with a single
 * reference swap, so a request in flight finishes on the version it started with and no request
 * ever waits for a load. A tenant's stored model is loaded on its first request; versions trained on
 * other nodes are picked up every {@code refresh-interval}. Until a first model exists, a
 * popularity-only stand-in (version 0, not stored) is built from the events and refreshed as often.
 */
@Component
class RecommendationModelRegistry {

    private final Map<TenantId, Loaded> models = new ConcurrentHashMap<>();
    private final RecommendationModelStore store;
    private final StandInBuilder standIns;
    private final RecommendationsSettings settings;
    private final Clock clock;

    RecommendationModelRegistry(
            RecommendationModelStore store, StandInBuilder standIns, RecommendationsSettings settings, Clock clock) {
        this.store = store;
        this.standIns = standIns;
        this.settings = settings;
        this.clock = clock;
    }

    /** The tenant's current model: stored, or the popularity stand-in. */
    ServingModel current(TenantId tenant) {
        Loaded loaded = models.get(tenant);
        if (loaded != null && !(loaded.model.version() == 0 && stale(loaded))) {
            return loaded.model;
        }
        return models.compute(tenant, (key, previous) -> load(key)).model;
    }

    /** Installs a freshly trained version unless a newer one is already served. */
    void install(TenantId tenant, ServingModel model) {
        models.merge(
                tenant,
                new Loaded(model, clock.instant()),
                (old, fresh) -> old.model.version() > fresh.model.version() ? old : fresh);
    }

    Optional<ServingModel> loaded(TenantId tenant) {
        return Optional.ofNullable(models.get(tenant)).map(Loaded::model);
    }

    @Scheduled(fixedDelayString = "${hearth.recommendations.refresh-interval:PT30S}")
    void refresh() {
        for (TenantId tenant : models.keySet()) {
            long served = models.get(tenant).model.version();
            if (store.latestVersion(tenant) > served) {
                store.latest(tenant).ifPresent(model -> install(tenant, model));
            }
        }
    }

    private Loaded load(TenantId tenant) {
        ServingModel model = store.latest(tenant).orElseGet(() -> standIns.build(tenant));
        return new Loaded(model, clock.instant());
    }

    private boolean stale(Loaded loaded) {
        return loaded.at.plus(settings.refreshInterval()).isBefore(clock.instant());
    }

    private record Loaded(ServingModel model, Instant at) {}
}
