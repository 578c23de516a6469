package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.DotProductIndex;
import io.hearth.recommendations.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** The strategies of the fallback chain, each proposing up to {@code k} items from one model. */
final class CandidateSources {

    /** How deep into the popularity ranking a category search goes: bounded work per request. */
    static final int POPULAR_SCAN = 5_000;

    private CandidateSources() {}

    /**
     * ALS: the dot product of the shopper's (mean) user vector with every item vector, one pass over
     * an 8-bit copy of the item matrix for a shortlist scored exactly ({@link
     * io.hearth.ml.recommend.QuantizedDotProductIndex}).
     */
    static CandidateList factors(ServingModel model, int[] rows, int[] excludedAscending, int k) {
        if (model.factorCandidates() == null || rows.length == 0) {
            return new CandidateList(Strategy.FACTORS, List.of());
        }
        DotProductIndex.Ranked ranked =
                model.factorCandidates().top(rows, meanVector(model, rows), k, excludedAscending);
        List<Candidate> candidates = new ArrayList<>(ranked.items().length);
        for (int rank = 0; rank < ranked.items().length; rank++) {
            candidates.add(new Candidate(
                    ranked.items()[rank], ranked.scores()[rank], Strategy.FACTORS, "matches what you like"));
        }
        return new CandidateList(Strategy.FACTORS, candidates);
    }

    static float[] meanVector(ServingModel model, int[] rows) {
        int f = model.factors().factors();
        float[] user = new float[f];
        for (int row : rows) {
            for (int i = 0; i < f; i++) {
                user[i] += model.userVectors()[row * f + i] / rows.length;
            }
        }
        return user;
    }

    /**
     * Neighbours of the seed items (most important first), each seed weighing less than the one before,
     * so the latest view counts most.
     */
    static CandidateList neighbours(
            Strategy strategy,
            Neighbours neighbours,
            List<Integer> seeds,
            String verb,
            IntFunction<String> names,
            int k) {
        ItemScores scores = new ItemScores(seeds.size() * 16);
        for (int s = 0; s < seeds.size(); s++) {
            int seed = seeds.get(s);
            double weight = 1.0 / (1 + s);
            int[] items = neighbours.items()[seed];
            float[] similarities = neighbours.similarities()[seed];
            for (int rank = 0; rank < items.length; rank++) {
                scores.add(items[rank], weight * similarities[rank], seed);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int position : scores.best(k)) {
            candidates.add(new Candidate(
                    scores.item(position),
                    scores.total(position),
                    strategy,
                    verb + " " + names.apply(scores.origin(position))));
        }
        return new CandidateList(strategy, candidates);
    }

    /**
     * Session kNN: what the past sessions most like this one (seeds newest first) went on to look at;
     * the reason names the latest view. Empty without sessions in the model.
     */
    static CandidateList sessionNeighbours(ServingModel model, List<Integer> seeds, IntFunction<String> names, int k) {
        if (model.sessionKnn() == null || seeds.isEmpty()) {
            return new CandidateList(Strategy.SESSION, List.of());
        }
        int[] oldestFirst = new int[seeds.size()];
        for (int i = 0; i < oldestFirst.length; i++) {
            oldestFirst[i] = seeds.get(seeds.size() - 1 - i);
        }
        String reason = "shoppers who looked at " + names.apply(seeds.getFirst()) + " went on to this";
        List<Candidate> candidates = new ArrayList<>();
        int[] next = model.sessionKnn().recommend(oldestFirst, k);
        for (int rank = 0; rank < next.length; rank++) {
            candidates.add(new Candidate(next[rank], 1.0 / (1 + rank), Strategy.SESSION, reason));
        }
        return new CandidateList(Strategy.SESSION, candidates);
    }

    /** Items nearest the product by ALS item vectors (cosine), for "similar" without co-views. */
    static CandidateList nearest(ServingModel model, int product, IntFunction<String> names, int k) {
        if (model.itemSearch() == null) {
            return new CandidateList(Strategy.SIMILAR, List.of());
        }
        int f = model.factors().factors();
        float[] vector = Arrays.copyOfRange(model.itemVectors(), product * f, (product + 1) * f);
        List<Candidate> candidates = new ArrayList<>();
        for (int item : model.itemSearch().top(vector, k, new int[] {product}).items()) {
            candidates.add(new Candidate(
                    item,
                    model.similarity(product, item),
                    Strategy.SIMILAR,
                    "liked by fans of " + names.apply(product)));
        }
        return new CandidateList(Strategy.SIMILAR, candidates);
    }

    /**
     * Items described most like the seeds (text embeddings of name, brand, category and attributes),
     * each seed weighing less than the one before; reaches products nobody has interacted with yet.
     * Reads each seed's kept neighbours, not every vector.
     */
    static CandidateList described(ServingModel model, List<Integer> seeds, IntFunction<String> names, int k) {
        ContentIndex content = model.content();
        ItemScores scores = new ItemScores(seeds.size() * 16);
        Set<Integer> seedSet = Set.copyOf(seeds);
        for (int s = 0; s < seeds.size(); s++) {
            int seed = seeds.get(s);
            double weight = 1.0 / (1 + s);
            DotProductIndex.Ranked near = content.neighbours(seed);
            for (int rank = 0; rank < near.items().length; rank++) {
                if (!seedSet.contains(near.items()[rank])) {
                    scores.add(near.items()[rank], weight * near.scores()[rank], seed);
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int position : scores.best(k)) {
            candidates.add(new Candidate(
                    scores.item(position),
                    scores.total(position),
                    Strategy.CONTENT,
                    "described like " + names.apply(scores.origin(position))));
        }
        return new CandidateList(Strategy.CONTENT, candidates);
    }

    /**
     * Items described most like a text embedding (say of a product added since training), none of
     * {@code excludedAscending}; the reason names {@code what}.
     */
    static CandidateList describedLike(ServingModel model, float[] query, int[] excludedAscending, String what, int k) {
        ContentIndex content = model.content();
        if (query.length != content.dimension()) {
            return new CandidateList(Strategy.CONTENT, List.of());
        }
        normalise(query);
        DotProductIndex.Ranked near = content.nearest(query, k, excludedAscending);
        String reason = "described like " + what;
        List<Candidate> candidates = new ArrayList<>(near.items().length);
        for (int rank = 0; rank < near.items().length; rank++) {
            candidates.add(new Candidate(near.items()[rank], near.scores()[rank], Strategy.CONTENT, reason));
        }
        return new CandidateList(Strategy.CONTENT, candidates);
    }

    private static void normalise(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
    }

    /** The most popular items in these categories, among the {@link #POPULAR_SCAN} most popular. */
    static CandidateList popularIn(
            ServingModel model, Collection<String> categories, IntFunction<String> category, int k) {
        Set<String> wanted = Set.copyOf(categories);
        List<Candidate> candidates = new ArrayList<>();
        if (wanted.isEmpty()) {
            return new CandidateList(Strategy.CATEGORY_POPULARITY, candidates);
        }
        int[] byPopularity = model.byPopularity();
        for (int rank = 0; rank < Math.min(POPULAR_SCAN, byPopularity.length); rank++) {
            int item = byPopularity[rank];
            if (candidates.size() >= k) {
                break;
            }
            String itemCategory = category.apply(item);
            if (itemCategory != null && wanted.contains(itemCategory) && model.popularity()[item] > 0) {
                candidates.add(new Candidate(
                        item, model.popularity()[item], Strategy.CATEGORY_POPULARITY, "popular in " + itemCategory));
            }
        }
        return new CandidateList(Strategy.CATEGORY_POPULARITY, candidates);
    }

    /** The most popular items that pass the filter. */
    static CandidateList popular(ServingModel model, IntPredicate eligible, int k) {
        List<Candidate> candidates = new ArrayList<>();
        for (int item : model.byPopularity()) {
            if (candidates.size() >= k) {
                break;
            }
            if (eligible.test(item)) {
                candidates.add(new Candidate(item, model.popularity()[item], Strategy.POPULARITY, "popular right now"));
            }
        }
        return new CandidateList(Strategy.POPULARITY, candidates);
    }
}
