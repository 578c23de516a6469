package io.hearth.recommendations.internal;

import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.RecommendedItem;
import io.hearth.recommendations.ServingMemory;
import io.hearth.recommendations.Strategy;
import io.hearth.recommendations.StrategyPerformance;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Read-only views of a tenant's models and their online results, for the API and the console. */
@Service
public class ModelCatalogue {

    private final RecommendationModelRegistry registry;
    private final RecommendationModelStore store;
    private final OutcomeStore outcomes;
    private final CatalogView catalog;
    private final ShopperDirectory directory;

    ModelCatalogue(
            RecommendationModelRegistry registry,
            RecommendationModelStore store,
            OutcomeStore outcomes,
            CatalogView catalog,
            ShopperDirectory directory) {
        this.directory = directory;
        this.registry = registry;
        this.store = store;
        this.outcomes = outcomes;
        this.catalog = catalog;
    }

    public ServingMemory memory(TenantId tenant) {
        FactorCandidates candidates = registry.current(tenant).factorCandidates();
        return new ServingMemory(
                candidates == null ? 0 : candidates.precomputed(), directory.remembered(), catalog.inMemory(tenant));
    }

    public ModelSummary current(TenantId tenant) {
        return registry.current(tenant).summary();
    }

    public List<ModelSummary> history(TenantId tenant) {
        return store.history(tenant);
    }

    public List<RecommendedItem> topItems(TenantId tenant, int n) {
        ServingModel model = registry.current(tenant);
        List<RecommendedItem> top = new ArrayList<>();
        for (int item : model.byPopularity()) {
            if (top.size() >= n || model.popularity()[item] <= 0) {
                break;
            }
            CatalogView.Facts facts = catalog.facts(tenant, model.items()[item]);
            top.add(new RecommendedItem(
                    model.items()[item],
                    facts.name(),
                    facts.category(),
                    model.popularity()[item],
                    Strategy.POPULARITY,
                    "decayed popularity"));
        }
        return top;
    }

    public List<StrategyPerformance> performance(TenantId tenant, Instant from, Instant to) {
        return TenantContext.call(tenant, () -> outcomes.performance(tenant, from, to));
    }
}
