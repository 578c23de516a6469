package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.TopK;
import io.hearth.recommendations.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** The strategies of the fallback chain, each proposing up to {@code k} items from one model. */
final class CandidateSources {

    /** How deep into the popularity ranking a category search goes: bounded work per request. */
    static final int POPULAR_SCAN = 5_000;

    private CandidateSources() {}

    /** ALS: the dot product of the shopper's (mean) user vector with every item vector, one pass. */
    static CandidateList factors(ServingModel model, int[] rows, int[] excludedAscending, int k) {
        if (model.factors() == null || rows.length == 0) {
            return new CandidateList(Strategy.FACTORS, List.of());
        }
        float[] scores = scores(model, meanVector(model, rows));
        List<Candidate> candidates = new ArrayList<>();
        for (int item : TopK.select(scores, k, excludedAscending)) {
            candidates.add(new Candidate(item, scores[item], Strategy.FACTORS, "matches what you like"));
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
     * One pass over the item matrix: the brute-force limit of any top-k by dot product. Four partial
     * sums per item let the CPU overlap the multiplications (one running sum is one long dependency chain).
     */
    static float[] scores(ServingModel model, float[] vector) {
        int f = vector.length;
        int unrolled = f - f % 4;
        float[] items = model.itemVectors();
        float[] scores = new float[model.itemCount()];
        for (int item = 0; item < scores.length; item++) {
            int base = item * f;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            for (; i < unrolled; i += 4) {
                s0 += vector[i] * items[base + i];
                s1 += vector[i + 1] * items[base + i + 1];
                s2 += vector[i + 2] * items[base + i + 2];
                s3 += vector[i + 3] * items[base + i + 3];
            }
            for (; i < f; i++) {
                s0 += vector[i] * items[base + i];
            }
            scores[item] = (s0 + s1) + (s2 + s3);
        }
        return scores;
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
        Map<Integer, Double> scores = new HashMap<>();
        Map<Integer, Integer> because = new HashMap<>();
        for (int s = 0; s < seeds.size(); s++) {
            int seed = seeds.get(s);
            double weight = 1.0 / (1 + s);
            int[] items = neighbours.items()[seed];
            for (int rank = 0; rank < items.length; rank++) {
                double score = weight * neighbours.similarities()[seed][rank];
                if (score > scores.getOrDefault(items[rank], 0.0)) {
                    because.put(items[rank], seed);
                }
                scores.merge(items[rank], score, Double::sum);
            }
        }
        List<Integer> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        List<Candidate> candidates = new ArrayList<>();
        for (int item : ranked.subList(0, Math.min(k, ranked.size()))) {
            candidates.add(
                    new Candidate(item, scores.get(item), strategy, verb + " " + names.apply(because.get(item))));
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
        if (model.factors() == null) {
            return new CandidateList(Strategy.SIMILAR, List.of());
        }
        int f = model.factors().factors();
        float[] vector = Arrays.copyOfRange(model.itemVectors(), product * f, (product + 1) * f);
        float[] scores = scores(model, vector);
        List<Candidate> candidates = new ArrayList<>();
        for (int item : TopK.select(scores, k, new int[] {product})) {
            candidates.add(new Candidate(
                    item,
                    model.similarity(product, item),
                    Strategy.SIMILAR,
                    "liked by fans of " + names.apply(product)));
        }
        return new CandidateList(Strategy.SIMILAR, candidates);
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
    static CandidateList popular(ServingModel model, Predicate<Integer> eligible, int k) {
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
