package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.QuantizedDotProductIndex;
import io.hearth.ml.recommend.SessionKnn;
import io.hearth.ml.recommend.SessionKnnConfig;
import io.hearth.ml.recommend.TopK;
import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.Strategy;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything one trained version serves from, immutable once built so that a request reads one
 * consistent version while the next is being swapped in. Items and users are dense indices.
 *
 * @param version 0 for the popularity-only stand-in used before the first training
 * @param items product ids by index, ascending
 * @param users identity keys ({@code u:<userId>} or {@code a:<anonymousId>}) by index, ascending
 * @param factors the ALS model, or {@code null} when there was too little to learn from
 * @param boughtTogether purchase co-occurrence
 * @param viewedTogether co-occurrence over every signal (views, adds, purchases)
 * @param popularity decayed popularity per item
 * @param owned each user's purchased items, ascending
 * @param deviceCounts per item, signals from {@link Device#values()} in order
 * @param hourCounts per item, signals per {@link DayPart}
 * @param sessions past sessions (item indices in view order), oldest first, for session kNN
 * @param learnedWeights rank-fusion weights learned on a validation split, for the strategies they
 *     cover (empty: the hand-set ones)
 * @param content the products' text embeddings (described products nobody interacted with yet are
 *     items too, so that "more like this" and cold-item factors reach them)
 * @param sessionKnn the index over {@code sessions} (its "external" ids are item indices), or {@code
 *     null} without sessions
 * @param byPopularity item indices, most popular first
 * @param userVectors the ALS user factors, row-major (read directly: no copy per request)
 * @param itemVectors the ALS item factors, row-major
 * @param itemNorms each item vector's length, for cosines without a square root per pair
 * @param itemSearch the item factors again, 8-bit and factor-major, for the top-k pass of "for you"
 *     and "similar" ({@code null} without factors)
 * @param factorCandidates each shopper's "for you" top k over {@code itemSearch}, kept while this
 *     version is served ({@code null} without factors)
 */
record ServingModel(
        long version,
        Instant trainedAt,
        String[] items,
        String[] users,
        @Nullable FactorModel factors,
        Neighbours boughtTogether,
        Neighbours viewedTogether,
        float[] popularity,
        int[][] owned,
        int[][] deviceCounts,
        int[][] hourCounts,
        int[][] sessions,
        Map<Strategy, Double> learnedWeights,
        ContentIndex content,
        ModelSummary summary,
        @Nullable SessionKnn sessionKnn,
        Map<String, Integer> itemIndex,
        Map<String, Integer> userIndex,
        int[] byPopularity,
        int[] deviceTotals,
        int[] hourTotals,
        float[] userVectors,
        float[] itemVectors,
        float[] itemNorms,
        @Nullable QuantizedDotProductIndex itemSearch,
        @Nullable FactorCandidates factorCandidates) {

    static ServingModel of(
            long version,
            Instant trainedAt,
            String[] items,
            String[] users,
            @Nullable FactorModel factors,
            Neighbours boughtTogether,
            Neighbours viewedTogether,
            float[] popularity,
            int[][] owned,
            int[][] deviceCounts,
            int[][] hourCounts,
            int[][] sessions,
            Map<Strategy, Double> learnedWeights,
            ContentIndex content,
            ModelSummary summary) {
        QuantizedDotProductIndex search =
                factors == null ? null : QuantizedDotProductIndex.of(factors.itemFactors(), factors.factors());
        return new ServingModel(
                version,
                trainedAt,
                items,
                users,
                factors,
                boughtTogether,
                viewedTogether,
                popularity,
                owned,
                deviceCounts,
                hourCounts,
                sessions,
                Map.copyOf(learnedWeights),
                content,
                summary,
                sessions.length == 0 ? null : SessionKnn.build(Arrays.asList(sessions), SessionKnnConfig.defaults()),
                indexOf(items),
                indexOf(users),
                TopK.select(popularity, popularity.length, new int[0]),
                totals(deviceCounts, Device.values().length),
                totals(hourCounts, DayPart.values().length),
                factors == null ? new float[0] : factors.userFactors(),
                factors == null ? new float[0] : factors.itemFactors(),
                factors == null ? new float[0] : norms(factors.itemFactors(), factors.factors()),
                search,
                search == null
                        ? null
                        : new FactorCandidates(
                                search, factors.itemFactors(), factors.userFactors().length / factors.factors()));
    }

    private static int[] totals(int[][] counts, int width) {
        int[] totals = new int[width];
        for (int[] row : counts) {
            for (int i = 0; i < width; i++) {
                totals[i] += row[i];
            }
        }
        return totals;
    }

    /**
     * How much more (positive) or less (negative) this item is chosen from the device or in the part of
     * the day than items overall, as a log ratio with add-one smoothing, so rare items stay near 0.
     */
    double lift(int item, int[][] counts, int[] totals, int column) {
        int itemTotal = 0;
        int total = 0;
        for (int i = 0; i < totals.length; i++) {
            itemTotal += counts[item][i];
            total += totals[i];
        }
        double itemShare = (counts[item][column] + 1.0) / (itemTotal + totals.length);
        double overallShare = (totals[column] + 1.0) / (total + totals.length);
        return Math.log(itemShare / overallShare);
    }

    /** Cosine of two items' factor vectors; 0 without factors. */
    double similarity(int first, int second) {
        if (factors == null) {
            return 0;
        }
        float[] all = itemVectors;
        int k = factors.factors();
        double dot = 0;
        for (int f = 0; f < k; f++) {
            dot += all[first * k + f] * all[second * k + f];
        }
        double norms = itemNorms[first] * itemNorms[second];
        return norms == 0 ? 0 : dot / norms;
    }

    private static float[] norms(float[] vectors, int k) {
        float[] norms = new float[k == 0 ? 0 : vectors.length / k];
        for (int item = 0; item < norms.length; item++) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                sum += vectors[item * k + f] * vectors[item * k + f];
            }
            norms[item] = (float) Math.sqrt(sum);
        }
        return norms;
    }

    /** Whether any signal of the training window was about the item (cold items have none). */
    boolean interactedWith(int item) {
        for (int count : deviceCounts[item]) {
            if (count > 0) {
                return true;
            }
        }
        return false;
    }

    int itemCount() {
        return items.length;
    }

    /** Dense index of the product, or -1. */
    int item(String productId) {
        return itemIndex.getOrDefault(productId, -1);
    }

    /** Dense index of the identity, or -1. */
    int user(String identityKey) {
        return userIndex.getOrDefault(identityKey, -1);
    }

    private static Map<String, Integer> indexOf(String[] keys) {
        Map<String, Integer> index = HashMap.newHashMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
        return index;
    }
}
