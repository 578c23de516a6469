package io.hearth.recommendations.internal;

import io.hearth.recommendations.RecommendedItem;
import io.hearth.recommendations.Strategy;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The candidates, filters and fill of one request's slate. */
final class SlateAssembly {

    /** Each strategy proposes this many times the slate size, so filters and caps leave enough. */
    private static final int OVERFETCH = 4;

    private static final int OWNED_SEEDS = 20;

    private final TenantId tenant;
    private final ServingModel model;
    private final CatalogView catalog;
    private final Shopper shopper;
    private final Map<String, CatalogView.Facts> products;
    private final CatalogView.ItemFacts itemFacts;
    private final Set<String> onScreen;
    private final int n;

    SlateAssembly(
            TenantId tenant, ServingModel model, CatalogView catalog, Shopper shopper, List<String> onScreen, int n) {
        this.tenant = tenant;
        this.model = model;
        this.catalog = catalog;
        this.shopper = shopper;
        this.products = catalog.of(tenant);
        this.itemFacts = catalog.byItem(tenant, model);
        this.onScreen = new LinkedHashSet<>(onScreen);
        this.n = n;
    }

    ServingModel model() {
        return model;
    }

    int size() {
        return n;
    }

    /**
     * Session, taste, what goes with what they own, what is described like what they are looking at,
     * and what is popular there.
     */
    List<CandidateList> personal() {
        int k = n * OVERFETCH;
        List<Integer> seeds = indices(new LinkedHashSet<>(concat(List.copyOf(onScreen), shopper.session())));
        List<Integer> owned =
                indices(shopper.owned()).stream().limit(OWNED_SEEDS).toList();
        int[] ownedAscending =
                owned.stream().mapToInt(Integer::intValue).sorted().toArray();
        Set<String> categories = new LinkedHashSet<>();
        for (int seed : seeds) {
            String category = categoryOf(seed);
            if (category != null) {
                categories.add(category);
            }
        }
        return List.of(
                session(seeds, k),
                CandidateSources.factors(model, shopper.rows(), ownedAscending, k),
                CandidateSources.neighbours(
                        Strategy.BOUGHT_TOGETHER, model.boughtTogether(), owned, "goes with your", this::name, k),
                CandidateSources.described(model, seeds, this::name, k),
                CandidateSources.popularIn(model, categories, this::categoryOf, k));
    }

    /**
     * An anonymous visitor: session kNN over what they looked at, then what is viewed together with it
     * or described like it, then what is popular where they are looking.
     */
    List<CandidateList> visitor() {
        int k = n * OVERFETCH;
        List<Integer> seeds = indices(new LinkedHashSet<>(concat(List.copyOf(onScreen), shopper.session())));
        Set<String> categories = new LinkedHashSet<>();
        for (int seed : seeds) {
            String category = categoryOf(seed);
            if (category != null) {
                categories.add(category);
            }
        }
        CandidateList knn = CandidateSources.sessionNeighbours(model, seeds, this::name, k);
        CandidateList coViewed = CandidateSources.neighbours(
                Strategy.SIMILAR, model.viewedTogether(), seeds, "viewed with", this::name, k);
        CandidateList described = CandidateSources.described(model, seeds, this::name, k);
        boolean nothingSeen =
                knn.candidates().isEmpty() && coViewed.candidates().isEmpty();
        return List.of(
                knn,
                coViewed,
                nothingSeen ? asSession(described) : described,
                CandidateSources.popularIn(model, categories, this::categoryOf, k));
    }

    /**
     * Session kNN when the model has past sessions and this one matches some; else co-views of the
     * seeds; else, for seeds nobody has interacted with yet, what is described like them, weighed as
     * the session (the shown strategy stays {@link Strategy#CONTENT}).
     */
    private CandidateList session(List<Integer> seeds, int k) {
        CandidateList knn = CandidateSources.sessionNeighbours(model, seeds, this::name, k);
        if (!knn.candidates().isEmpty()) {
            return knn;
        }
        CandidateList coViewed = CandidateSources.neighbours(
                Strategy.SESSION, model.viewedTogether(), seeds, "because you looked at", this::name, k);
        if (!coViewed.candidates().isEmpty()) {
            return coViewed;
        }
        return asSession(CandidateSources.described(model, seeds, this::name, k));
    }

    private static CandidateList asSession(CandidateList described) {
        return new CandidateList(Strategy.SESSION, described.candidates());
    }

    /**
     * Bought together (when asked), co-viewed, near in taste and described alike; {@code fresh} is the
     * text embedding of a product the model does not know yet ({@code null} for the others).
     */
    List<CandidateList> aboutProduct(String productId, boolean together, float @Nullable [] fresh) {
        int k = n * OVERFETCH;
        int item = model.item(productId);
        String category = facts(productId).category();
        List<CandidateList> lists = new ArrayList<>();
        if (item < 0 && fresh != null) {
            String name = facts(productId).name();
            lists.add(CandidateSources.describedLike(model, fresh, new int[0], name == null ? productId : name, k));
        }
        if (item >= 0 && together) {
            lists.add(CandidateSources.neighbours(
                    Strategy.BOUGHT_TOGETHER, model.boughtTogether(), List.of(item), "bought with", this::name, k));
        }
        if (item >= 0) {
            lists.add(CandidateSources.neighbours(
                    Strategy.SIMILAR, model.viewedTogether(), List.of(item), "shoppers of", this::name, k));
            if (model.interactedWith(item)) {
                // a cold item's factors come from its description: the content list says it honestly
                lists.add(CandidateSources.nearest(model, item, this::name, k));
            }
            lists.add(CandidateSources.described(model, List.of(item), this::name, k));
        }
        if (category != null) {
            lists.add(CandidateSources.popularIn(model, List.of(category), this::categoryOf, k));
        }
        return lists;
    }

    CandidateList popular() {
        return CandidateSources.popular(model, this::eligible, n * OVERFETCH);
    }

    @Nullable
    String categoryOf(int item) {
        return itemFacts.of(item).category();
    }

    boolean eligible(int item) {
        return eligible(model.items()[item], itemFacts.of(item));
    }

    List<RecommendedItem> items(List<Candidate> ranked, Set<String> chosen) {
        List<RecommendedItem> items = new ArrayList<>();
        for (Candidate candidate : ranked) {
            String id = model.items()[candidate.item()];
            chosen.add(id);
            items.add(item(id, candidate.score(), candidate.strategy(), candidate.reason()));
        }
        return items;
    }

    /** Tops the slate up with popular items, then any product in stock, ignoring category caps. */
    void fill(List<RecommendedItem> items, Set<String> chosen) {
        for (int index : model.byPopularity()) {
            if (items.size() >= n) {
                return;
            }
            String id = model.items()[index];
            if (model.popularity()[index] > 0 && eligible(index) && chosen.add(id)) {
                items.add(item(id, 0, Strategy.POPULARITY, "popular right now"));
            }
        }
        for (String id : catalog.inStock(tenant)) {
            if (items.size() >= n) {
                return;
            }
            if (eligible(id) && chosen.add(id)) {
                items.add(item(id, 0, Strategy.CATALOG, "in stock"));
            }
        }
    }

    private boolean eligible(String productId) {
        return eligible(productId, facts(productId));
    }

    private boolean eligible(String productId, CatalogView.Facts facts) {
        return facts.inStock()
                && !onScreen.contains(productId)
                && !shopper.fatigued().contains(productId)
                && (facts.replenishable() || !shopper.owned().contains(productId));
    }

    private RecommendedItem item(String id, double score, Strategy strategy, String reason) {
        CatalogView.Facts facts = facts(id);
        return new RecommendedItem(id, facts.name(), facts.category(), score, strategy, reason);
    }

    private String name(int item) {
        String name = itemFacts.of(item).name();
        return name == null ? model.items()[item] : name;
    }

    private CatalogView.Facts facts(String productId) {
        return products.getOrDefault(productId, CatalogView.UNKNOWN);
    }

    private List<Integer> indices(Iterable<String> productIds) {
        List<Integer> indices = new ArrayList<>();
        for (String id : productIds) {
            int index = model.item(id);
            if (index >= 0) {
                indices.add(index);
            }
        }
        return indices;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
