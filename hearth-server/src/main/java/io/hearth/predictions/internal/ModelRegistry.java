package io.hearth.predictions.internal;

import io.hearth.predictions.ModelKind;
import io.hearth.predictions.ModelVersion;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The versions of every model, and the latest good one of each kind held in memory. A node reloads a
 * kind after {@code hearth.predictions.model-refresh}, so a version trained on another replica starts
 * serving here within that time; one trained here serves at once.
 */
@Component
class ModelRegistry {

    private final ModelStore store;
    private final InTenant inTenant;
    private final Clock clock;
    private final PredictionSettings settings;
    private final Map<Key, Loaded> serving = new ConcurrentHashMap<>();
    // Bumped after each stored version: a load that began before it must not be cached over it.
    private final Map<Key, Long> generations = new ConcurrentHashMap<>();

    ModelRegistry(ModelStore store, InTenant inTenant, Clock clock, PredictionSettings settings) {
        this.store = store;
        this.inTenant = inTenant;
        this.clock = clock;
        this.settings = settings;
    }

    ModelVersion store(TenantId tenant, ModelStore.NewVersion version) {
        ModelVersion stored = inTenant.call(tenant, () -> store.insert(version, tenant.value()));
        Key key = new Key(tenant, version.kind());
        generations.merge(key, 1L, Long::sum);
        release(serving.remove(key));
        return stored;
    }

    List<ModelVersion> versions(TenantId tenant, ModelKind kind, int limit) {
        return inTenant.call(tenant, () -> store.versions(kind, limit));
    }

    Optional<ModelVersion> version(TenantId tenant, ModelKind kind, int version) {
        return inTenant.call(tenant, () -> store.version(kind, version));
    }

    /** The version that serves the kind, parsed by its port; empty while there is no good one. */
    @SuppressWarnings("unchecked")
    <M> Optional<Serving<M>> serving(TenantId tenant, ModelPort<M> port) {
        Key key = new Key(tenant, port.kind());
        Instant now = clock.instant();
        Loaded loaded = serving.get(key);
        if (loaded == null || loaded.loadedAt().plus(settings.modelRefresh()).isBefore(now)) {
            long generation = generations.getOrDefault(key, 0L);
            loaded = new Loaded(now, load(tenant, port), port);
            if (generations.getOrDefault(key, 0L) == generation) {
                release(serving.put(key, loaded));
            }
        }
        return loaded.model().map(model -> (Serving<M>) model);
    }

    private <M> Optional<Serving<?>> load(TenantId tenant, ModelPort<M> port) {
        return inTenant.call(tenant, () -> store.latestGood(port.kind()))
                .map(row -> new Serving<>(row.getKey(), port.read(row.getValue())));
    }

    /**
     * Frees a replaced model's native memory. A score still running on it finishes first (ports
     * synchronize their native calls) and a later one on the released model falls back to the rules.
     */
    private static void release(@Nullable Loaded replaced) {
        if (replaced != null) {
            replaced.model().ifPresent(model -> releaseWith(replaced.port(), model));
        }
    }

    @SuppressWarnings("unchecked")
    private static <M> void releaseWith(ModelPort<M> port, Serving<?> model) {
        port.release((M) model.model());
    }

    private record Key(TenantId tenant, ModelKind kind) {}

    private record Loaded(Instant loadedAt, Optional<Serving<?>> model, ModelPort<?> port) {}
}
