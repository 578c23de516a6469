package io.hearth.recommendations.internal;

import io.hearth.privacy.Channel;
import io.hearth.recommendations.RecommendationContext;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.recommendations.Slate;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Serves slates: the fallback chain of strategies (session, ALS, bought together, category
 * popularity, popularity, then any product in stock), blended, re-ranked for the request and recorded
 * for attribution and fatigue. A slate is full unless the shop has fewer eligible products than asked.
 */
@Service
public class Recommender {

    private final RecommendationModelRegistry registry;
    private final ShopperReader shoppers;
    private final CatalogView catalog;
    private final SlateBlender blender;
    private final ServedLog served;
    private final ProductEmbeddings descriptions;
    private final RecommendationsSettings settings;
    private final Clock clock;

    Recommender(
            RecommendationModelRegistry registry,
            ShopperReader shoppers,
            CatalogView catalog,
            SlateBlender blender,
            ServedLog served,
            ProductEmbeddings descriptions,
            RecommendationsSettings settings,
            Clock clock) {
        this.registry = registry;
        this.shoppers = shoppers;
        this.catalog = catalog;
        this.blender = blender;
        this.served = served;
        this.descriptions = descriptions;
        this.settings = settings;
        this.clock = clock;
    }

    public Slate forCustomer(
            TenantId tenant,
            CustomerId customer,
            String surface,
            int n,
            RecommendationContext context,
            Channel channel) {
        return forCustomer(tenant, customer, surface, n, context, channel, true);
    }

    /** As above; {@code record = false} serves a preview nobody sees (no fatigue, no measurement, no log). */
    public Slate forCustomer(
            TenantId tenant,
            CustomerId customer,
            String surface,
            int n,
            RecommendationContext context,
            Channel channel,
            boolean record) {
        RequestRules.check(surface, n, context, settings.maxItems());
        ServingModel model = registry.current(tenant);
        Shopper shopper = shoppers.read(tenant, customer, context, channel, model);
        SlateAssembly assembly = new SlateAssembly(tenant, model, catalog, shopper, context.productIds(), n);
        List<CandidateList> lists = new ArrayList<>();
        if (shopper.personalized()) {
            lists.addAll(assembly.personal());
        }
        lists.add(assembly.popular());
        String reason = shopper.personalized()
                ? "personalized from history and session"
                : "popularity only: no personalization consent";
        Slate slate = finish(surface, assembly, lists, context, shopper.customerId(), shopper.personalized());
        if (record) {
            served.record(tenant, slate, reason, clock.instant());
        }
        return slate;
    }

    public Slate forVisitor(TenantId tenant, String anonymousId, String surface, int n, RecommendationContext context) {
        RequestRules.check(surface, n, context, settings.maxItems());
        ServingModel model = registry.current(tenant);
        Shopper visitor = shoppers.visitor(tenant, anonymousId, context, Channel.ANY);
        SlateAssembly assembly = new SlateAssembly(tenant, model, catalog, visitor, context.productIds(), n);
        List<CandidateList> lists = new ArrayList<>();
        if (visitor.personalized()) {
            lists.addAll(assembly.visitor());
        }
        lists.add(assembly.popular());
        Slate slate = finish(surface, assembly, lists, context, null, visitor.personalized());
        served.record(
                tenant,
                slate,
                visitor.personalized() ? "visitor session" : "popularity only: no personalization consent",
                clock.instant());
        return slate;
    }

    public Slate similar(TenantId tenant, String productId, int n) {
        return forProduct(tenant, productId, n, false);
    }

    public Slate boughtTogether(TenantId tenant, String productId, int n) {
        return forProduct(tenant, productId, n, true);
    }

    /** The slates of many customers for one surface (email); unknown customers are left out. */
    public List<Slate> forCustomers(TenantId tenant, List<CustomerId> customers, String surface, int n) {
        List<Slate> slates = new ArrayList<>();
        for (CustomerId customer : customers) {
            try {
                slates.add(forCustomer(tenant, customer, surface, n, RecommendationContext.NONE, Channel.EMAIL));
            } catch (HearthProblem problem) {
                if (problem.type() != RecommendationsProblem.UNKNOWN_CUSTOMER) {
                    throw problem;
                }
            }
        }
        return slates;
    }

    private Slate forProduct(TenantId tenant, String productId, int n, boolean together) {
        String surface = together ? "bought-together" : "similar";
        RequestRules.check(surface, n, RecommendationContext.NONE, settings.maxItems());
        ServingModel model = registry.current(tenant);
        if (model.item(productId) < 0 && !catalog.known(tenant, productId)) {
            throw new HearthProblem(RecommendationsProblem.UNKNOWN_PRODUCT, "No product has this id");
        }
        float[] fresh = model.item(productId) < 0 && model.content().count() > 0 && settings.describeProducts()
                ? descriptions.current(tenant, productId)
                : null;
        SlateAssembly assembly = new SlateAssembly(tenant, model, catalog, Shopper.nobody(), List.of(productId), n);
        List<CandidateList> lists = new ArrayList<>(assembly.aboutProduct(productId, together, fresh));
        lists.add(assembly.popular());
        Slate slate = finish(surface, assembly, lists, RecommendationContext.NONE, null, false);
        served.record(tenant, slate, surface + " " + productId, clock.instant());
        return slate;
    }

    private Slate finish(
            String surface,
            SlateAssembly assembly,
            List<CandidateList> lists,
            RecommendationContext context,
            @org.jspecify.annotations.Nullable String customer,
            boolean personalized) {
        SlateRanker ranker =
                new SlateRanker(assembly.model(), settings.diversity(), settings.categoryCap(), assembly::categoryOf);
        Device device =
                context.device() == null ? null : Device.parse(context.device()).orElse(null);
        DayPart dayPart = context.hour() == null ? null : DayPart.ofHour(context.hour());
        List<Candidate> ranked = ranker.rank(
                blender.blend(assembly.model(), lists), assembly::eligible, device, dayPart, assembly.size());
        Set<String> chosen = new HashSet<>();
        var items = assembly.items(ranked, chosen);
        assembly.fill(items, chosen);
        return new Slate(UUID.randomUUID(), customer, surface, assembly.model().version(), personalized, items);
    }
}
