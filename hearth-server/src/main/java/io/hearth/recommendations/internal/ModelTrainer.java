package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.AlsConfig;
import io.hearth.ml.recommend.CoOccurrenceConfig;
import io.hearth.ml.recommend.DecayedPopularity;
import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.IdIndex;
import io.hearth.ml.recommend.ImplicitAls;
import io.hearth.ml.recommend.Interaction;
import io.hearth.ml.recommend.InteractionMatrix;
import io.hearth.ml.recommend.ItemCoOccurrence;
import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.Strategy;
import io.hearth.recommendations.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds one {@link ServingModel} from signals with the algorithms of {@code hearth-ml}: ALS over every
 * signal, co-occurrence over purchases (bought together, pairs within 30 days) and over every signal
 * (viewed together), decayed popularity, and per-item device and day-part counts for re-ranking.
 */
final class ModelTrainer {

    static final int NEIGHBOURS = 50;
    static final int MAX_SESSIONS = 100_000;
    static final int MAX_COLD_ITEMS = 5_000;
    private static final int COLD_NEIGHBOURS = 20;
    private static final int COVERAGE_SAMPLE = 1_000;

    private final RecommendationsSettings settings;

    ModelTrainer(RecommendationsSettings settings) {
        this.settings = settings;
    }

    /**
     * Every model; {@code full = false} skips ALS, co-occurrence and content (the quick popularity
     * stand-in). {@code described} holds the products' text embeddings, most recently updated first.
     */
    ServingModel train(
            long version,
            List<Signal> signals,
            Map<String, float[]> described,
            Instant now,
            boolean full,
            TrainingProgress progress) {
        long started = System.nanoTime();
        String[] items = items(signals, full ? described.keySet() : Set.of());
        String[] users = distinct(signals, false);
        Map<String, Integer> itemIndex = index(items);
        Map<String, Integer> userIndex = index(users);
        List<Interaction> all = new ArrayList<>(signals.size());
        List<Interaction> bought = new ArrayList<>();
        int[][] deviceCounts = new int[items.length][Device.values().length];
        int[][] hourCounts = new int[items.length][DayPart.values().length];
        for (Signal signal : signals) {
            int item = itemIndex.get(signal.productId());
            Interaction interaction =
                    new Interaction(userIndex.get(signal.identity()), item, signal.weight(), signal.epochSecond());
            all.add(interaction);
            if (signal.purchase()) {
                bought.add(interaction);
            }
            deviceCounts[item][signal.device().ordinal()]++;
            hourCounts[item][signal.dayPart().ordinal()]++;
        }
        IdIndex userIds = dense(users.length);
        IdIndex itemIds = dense(items.length);
        InteractionMatrix allMatrix = InteractionMatrix.of(all, userIds, itemIds);
        InteractionMatrix boughtMatrix = InteractionMatrix.of(bought, userIds, itemIds);
        progress.step("matrix", users.length + " shoppers, " + items.length + " products");
        ContentIndex content = full ? content(items, itemIndex, described) : ContentIndex.empty(items.length);
        int[] cold = full ? cold(items, itemIndex, described, deviceCounts) : new int[0];
        FactorModel factors = full ? factorize(allMatrix) : null;
        if (factors != null && cold.length > 0) {
            factors = content.withColdItems(factors, cold, COLD_NEIGHBOURS);
        }
        progress.step(
                "als",
                factors == null
                        ? "skipped: too little data"
                        : settings.factors() + " factors, " + cold.length + " cold products placed by description");
        CoOccurrenceConfig pairs = CoOccurrenceConfig.defaults().withNeighbours(NEIGHBOURS);
        Neighbours boughtTogether = full
                ? Neighbours.of(
                        ItemCoOccurrence.build(boughtMatrix, pairs.withWindowDays(30)), items.length, NEIGHBOURS)
                : Neighbours.empty(items.length);
        Neighbours viewedTogether = full
                ? Neighbours.of(ItemCoOccurrence.build(allMatrix, pairs), items.length, NEIGHBOURS)
                : Neighbours.empty(items.length);
        progress.step("co-occurrence", "bought together and viewed together");
        Map<Strategy, Double> learned = full && factors != null && settings.learnBlend()
                ? BlendLearner.learn(all, bought, userIds, itemIds, alsConfig(), halfLifeDays())
                : Map.of();
        progress.step("blend", learned.isEmpty() ? "hand-set weights" : "learned " + learned);
        InteractionMatrix popular = bought.isEmpty() ? allMatrix : boughtMatrix;
        float[] popularity = popularity(popular, now);
        int[][] owned = new int[users.length][];
        for (int user = 0; user < users.length; user++) {
            owned[user] = boughtMatrix.itemsOf(user);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        ModelSummary summary = new ModelSummary(
                version,
                now,
                users.length,
                items.length,
                allMatrix.size(),
                bought.size(),
                factors != null,
                millis,
                coverage(factors, owned),
                content.count(),
                byKey(learned));
        progress.step("popularity", "done in " + millis + " ms");
        return ServingModel.of(
                version,
                now,
                items,
                users,
                factors,
                boughtTogether,
                viewedTogether,
                popularity,
                owned,
                deviceCounts,
                hourCounts,
                full ? sessions(signals, itemIndex) : new int[0][],
                learned,
                content,
                summary);
    }

    /** Products with signals and, for a full model, described products nobody interacted with yet. */
    private static String[] items(List<Signal> signals, Set<String> described) {
        Set<String> keys = new TreeSet<>(described);
        for (Signal signal : signals) {
            keys.add(signal.productId());
        }
        return keys.toArray(String[]::new);
    }

    private static ContentIndex content(
            String[] items, Map<String, Integer> itemIndex, Map<String, float[]> described) {
        float[][] byItem = new float[items.length][];
        described.forEach((productId, vector) -> byItem[itemIndex.get(productId)] = vector);
        return ContentIndex.of(byItem);
    }

    /**
     * Described products without a single signal, most recently updated first, at most {@link
     * #MAX_COLD_ITEMS}: each costs one pass over the embeddings.
     */
    private static int[] cold(
            String[] items, Map<String, Integer> itemIndex, Map<String, float[]> described, int[][] deviceCounts) {
        List<Integer> cold = new ArrayList<>();
        for (String productId : described.keySet()) {
            Integer item = itemIndex.get(productId);
            if (item != null && Arrays.stream(deviceCounts[item]).sum() == 0) {
                cold.add(item);
                if (cold.size() == MAX_COLD_ITEMS) {
                    break;
                }
            }
        }
        return cold.stream().mapToInt(Integer::intValue).toArray();
    }

    static Map<String, Double> byKey(Map<Strategy, Double> weights) {
        Map<String, Double> byKey = new TreeMap<>();
        weights.forEach((strategy, weight) -> byKey.put(strategy.key(), weight));
        return byKey;
    }

    /**
     * Each identity's signals cut into sessions at gaps longer than {@code session-window}, items in
     * order without repeats, sessions of at least two items, the newest {@link #MAX_SESSIONS} kept,
     * oldest first.
     */
    private int[][] sessions(List<Signal> signals, Map<String, Integer> itemIndex) {
        long gap = settings.sessionWindow().toSeconds();
        Map<String, List<Signal>> byIdentity = new HashMap<>();
        for (Signal signal : signals) {
            byIdentity
                    .computeIfAbsent(signal.identity(), identity -> new ArrayList<>())
                    .add(signal);
        }
        List<long[]> starts = new ArrayList<>();
        List<int[]> sessions = new ArrayList<>();
        for (List<Signal> own : byIdentity.values()) {
            own.sort(Comparator.comparingLong(Signal::epochSecond));
            LinkedHashSet<Integer> current = new LinkedHashSet<>();
            long start = 0;
            long last = Long.MIN_VALUE;
            for (Signal signal : own) {
                if (last != Long.MIN_VALUE && signal.epochSecond() - last > gap) {
                    keep(current, start, starts, sessions);
                    current = new LinkedHashSet<>();
                }
                if (current.isEmpty()) {
                    start = signal.epochSecond();
                }
                current.add(itemIndex.get(signal.productId()));
                last = signal.epochSecond();
            }
            keep(current, start, starts, sessions);
        }
        Integer[] order = new Integer[sessions.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> starts.get(i)[0]));
        int from = Math.max(0, order.length - MAX_SESSIONS);
        int[][] kept = new int[order.length - from][];
        for (int i = from; i < order.length; i++) {
            kept[i - from] = sessions.get(order[i]);
        }
        return kept;
    }

    private static void keep(Set<Integer> items, long start, List<long[]> starts, List<int[]> sessions) {
        if (items.size() >= 2) {
            starts.add(new long[] {start});
            sessions.add(items.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private @Nullable FactorModel factorize(InteractionMatrix matrix) {
        if (matrix.userCount() < 2 || matrix.itemCount() < 2) {
            return null;
        }
        return ImplicitAls.train(matrix.mapValues(Math::log1p), alsConfig());
    }

    private AlsConfig alsConfig() {
        return AlsConfig.defaults()
                .withFactors(settings.factors())
                .withIterations(settings.iterations())
                .withThreads(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    private double halfLifeDays() {
        return Math.max(1, settings.halfLife().toHours()) / 24.0;
    }

    private float[] popularity(InteractionMatrix matrix, Instant now) {
        if (matrix.size() == 0) {
            return new float[matrix.itemCount()];
        }
        DecayedPopularity model = DecayedPopularity.build(matrix, halfLifeDays(), now.getEpochSecond());
        float[] scores = new float[matrix.itemCount()];
        for (int item = 0; item < scores.length; item++) {
            scores[item] = model.popularity(item);
        }
        return scores;
    }

    private static double coverage(@Nullable FactorModel factors, int[][] owned) {
        if (factors == null) {
            return 0;
        }
        Set<Integer> seen = new HashSet<>();
        int step = Math.max(1, factors.userCount() / COVERAGE_SAMPLE);
        for (int user = 0; user < factors.userCount(); user += step) {
            for (int item : factors.recommend(user, 10, owned[user])) {
                seen.add(item);
            }
        }
        return (double) seen.size() / factors.itemCount();
    }

    private static String[] distinct(List<Signal> signals, boolean products) {
        Set<String> keys = new TreeSet<>();
        for (Signal signal : signals) {
            keys.add(products ? signal.productId() : signal.identity());
        }
        return keys.toArray(String[]::new);
    }

    private static Map<String, Integer> index(String[] keys) {
        Map<String, Integer> index = HashMap.newHashMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
        return index;
    }

    private static IdIndex dense(int size) {
        int[] ids = new int[size];
        Arrays.setAll(ids, i -> i);
        return IdIndex.of(ids);
    }
}
