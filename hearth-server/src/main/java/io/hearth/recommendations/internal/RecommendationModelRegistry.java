package io.hearth.recommendations.internal;

import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
class RecommendationModelRegistry implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecommendationModelRegistry.class);

    private final Map<TenantId, Loaded> models = new ConcurrentHashMap<>();
    private final RecommendationModelStore store;
    private final StandInBuilder standIns;
    private final RecommendationsSettings settings;
    private final ShopperDirectory directory;
    private final CatalogView catalog;
    private final Clock clock;

    /** One thread: computing every shopper's candidates ahead is background work on a small machine. */
    private final ExecutorService precomputing = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("recommendations-precompute").factory());

    RecommendationModelRegistry(
            RecommendationModelStore store,
            StandInBuilder standIns,
            RecommendationsSettings settings,
            ShopperDirectory directory,
            CatalogView catalog,
            Clock clock) {
        this.directory = directory;
        this.catalog = catalog;
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
        ServingModel model = models.compute(tenant, (key, previous) -> load(key)).model;
        if (loaded == null || loaded.model != model) {
            precompute(tenant, model);
        }
        return model;
    }

    /** Installs a freshly trained version unless a newer one is already served. */
    void install(TenantId tenant, ServingModel model) {
        Loaded served = models.merge(
                tenant,
                new Loaded(model, clock.instant()),
                (old, fresh) -> old.model.version() > fresh.model.version() ? old : fresh);
        if (served.model == model) {
            precompute(tenant, model);
        }
    }

    /**
     * Computes the "for you" candidates of the version's first {@code remembered-shoppers} shoppers in
     * the background, so that their first slate of the version skips the pass over the item matrix;
     * stops once another version is served. Then reads the customers and the catalogue's facts ahead:
     * read by a tenant's first slate instead, the catalogue (50,000 products: a third of a second in
     * the background) held every slate that arrived meanwhile.
     */
    private void precompute(TenantId tenant, ServingModel model) {
        FactorCandidates candidates = model.factorCandidates();
        if (candidates == null) {
            return;
        }
        precomputing.execute(() -> {
            try {
                long start = System.nanoTime();
                int filled = candidates.precompute(
                        model.userVectors(), settings.rememberedShoppers(), () -> !isServed(tenant, model));
                long computed = System.nanoTime();
                directory.preload(tenant, settings.rememberedShoppers());
                long remembered = System.nanoTime();
                catalog.byItem(tenant, model);
                log.info(
                        "version {}: candidates of {} shoppers computed ahead in {} ms; {} customers remembered after {} ms;"
                                + " facts of {} products read after {} ms",
                        model.version(),
                        filled,
                        (computed - start) / 1_000_000,
                        directory.remembered(),
                        (remembered - computed) / 1_000_000,
                        catalog.inMemory(tenant),
                        (System.nanoTime() - remembered) / 1_000_000);
            } catch (RuntimeException e) {
                // serving reads and computes on the request what is not ready ahead
                log.warn("preparing version {} ahead failed", model.version(), e);
            }
        });
    }

    private boolean isServed(TenantId tenant, ServingModel model) {
        Loaded loaded = models.get(tenant);
        return loaded != null && loaded.model == model;
    }

    @Override
    public void destroy() {
        precomputing.shutdownNow();
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
