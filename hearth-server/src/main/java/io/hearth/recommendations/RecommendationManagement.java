package io.hearth.recommendations;

import io.hearth.privacy.Channel;
import io.hearth.recommendations.internal.ModelCatalogue;
import io.hearth.recommendations.internal.Recommender;
import io.hearth.recommendations.internal.TrainingService;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The recommendations facade. Every slate is full (unless the shop has fewer eligible products than
 * asked), carries a fresh recommendation id, and is recorded for attribution, fatigue and the decision
 * log shortly after it is returned. Every method enters the given tenant itself.
 */
@Service
public class RecommendationManagement {

    private final Recommender recommender;
    private final TrainingService training;
    private final ModelCatalogue models;

    RecommendationManagement(Recommender recommender, TrainingService training, ModelCatalogue models) {
        this.recommender = recommender;
        this.training = training;
        this.models = models;
    }

    /**
     * A slate for one customer on a surface ({@code home}, {@code cart}, {@code email}, …). Without the
     * {@code personalization} purpose for the channel it is popularity only.
     *
     * @throws io.hearth.shared.HearthProblem {@link RecommendationsProblem#UNKNOWN_CUSTOMER}, or {@link
     *     RecommendationsProblem#INVALID_REQUEST} naming the parameter at fault
     */
    public Slate forCustomer(
            TenantId tenant, CustomerId customer, String surface, int n, RecommendationContext context) {
        return recommender.forCustomer(tenant, customer, surface, n, context, Channel.ANY);
    }

    /**
     * A slate for an anonymous visitor, from what their session ({@code anonymousId}) looked at: session
     * kNN, then co-views, then popularity, always full. A visitor whose anonymous id belongs to a
     * customer without the {@code personalization} purpose gets popularity only.
     *
     * @throws io.hearth.shared.HearthProblem {@link RecommendationsProblem#INVALID_REQUEST} naming the
     *     parameter at fault
     */
    public Slate forVisitor(TenantId tenant, String anonymousId, String surface, int n, RecommendationContext context) {
        return recommender.forVisitor(tenant, anonymousId, surface, n, context);
    }

    /**
     * The slate the customer would get now, for staff to look at: it is not recorded, so it counts
     * towards neither fatigue nor measurement, and writes no decision.
     */
    public Slate preview(TenantId tenant, CustomerId customer, int n) {
        return recommender.forCustomer(tenant, customer, "preview", n, RecommendationContext.NONE, Channel.ANY, false);
    }

    /**
     * Slates for many customers at once, as an email journey needs them (consent is checked for the
     * email channel); customers that do not exist are left out.
     */
    public List<Slate> forCustomers(TenantId tenant, List<CustomerId> customers, String surface, int n) {
        return recommender.forCustomers(tenant, List.copyOf(customers), surface, n);
    }

    /**
     * Products like this one (co-viewed, near in ALS space, then popular in its category).
     *
     * @throws io.hearth.shared.HearthProblem {@link RecommendationsProblem#UNKNOWN_PRODUCT}
     */
    public Slate similar(TenantId tenant, String productId, int n) {
        return recommender.similar(tenant, productId, n);
    }

    /**
     * Products bought together with this one, then similar and popular ones.
     *
     * @throws io.hearth.shared.HearthProblem {@link RecommendationsProblem#UNKNOWN_PRODUCT}
     */
    public Slate boughtTogether(TenantId tenant, String productId, int n) {
        return recommender.boughtTogether(tenant, productId, n);
    }

    /** Trains a new version now, on the calling thread, and swaps it in; answers what it learned. */
    public ModelSummary train(TenantId tenant, TrainingProgress progress) {
        return training.train(tenant, progress);
    }

    /** The version being served (version 0: the popularity stand-in before any training). */
    public ModelSummary currentModel(TenantId tenant) {
        return models.current(tenant);
    }

    /** What this node has ready in memory for the tenant's slates. */
    public ServingMemory servingMemory(TenantId tenant) {
        return models.memory(tenant);
    }

    /** The stored versions, newest first. */
    public List<ModelSummary> modelHistory(TenantId tenant) {
        return models.history(tenant);
    }

    /** The most popular products of the current version. */
    public List<RecommendedItem> topItems(TenantId tenant, int n) {
        return models.topItems(tenant, n);
    }

    /** Impressions, clicks, conversions and their rates per strategy, over slates served in [from, to). */
    public List<StrategyPerformance> performance(TenantId tenant, Instant from, Instant to) {
        return models.performance(tenant, from, to);
    }
}
