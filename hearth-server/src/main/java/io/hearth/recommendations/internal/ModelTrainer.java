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
import io.hearth.recommendations.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds one {@link ServingModel} from signals with the algorithms of {@code hearth-ml}: ALS over every
 * signal, co-occurrence over purchases (bought together, pairs within 30 days) and over every signal
 * (viewed together), decayed popularity, and per-item device and day-part counts for re-ranking.
 */
final class ModelTrainer {

    static final int NEIGHBOURS = 50;
    private static final int COVERAGE_SAMPLE = 1_000;

    private final RecommendationsSettings settings;

    ModelTrainer(RecommendationsSettings settings) {
        this.settings = settings;
    }

    /** Every model; {@code full = false} skips ALS and co-occurrence (the quick popularity stand-in). */
    ServingModel train(long version, List<Signal> signals, Instant now, boolean full, TrainingProgress progress) {
        long started = System.nanoTime();
        String[] items = distinct(signals, true);
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
        FactorModel factors = full ? factorize(allMatrix) : null;
        progress.step("als", factors == null ? "skipped: too little data" : settings.factors() + " factors");
        CoOccurrenceConfig pairs = CoOccurrenceConfig.defaults().withNeighbours(NEIGHBOURS);
        Neighbours boughtTogether = full
                ? Neighbours.of(
                        ItemCoOccurrence.build(boughtMatrix, pairs.withWindowDays(30)), items.length, NEIGHBOURS)
                : Neighbours.empty(items.length);
        Neighbours viewedTogether = full
                ? Neighbours.of(ItemCoOccurrence.build(allMatrix, pairs), items.length, NEIGHBOURS)
                : Neighbours.empty(items.length);
        progress.step("co-occurrence", "bought together and viewed together");
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
                coverage(factors, owned));
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
                summary);
    }

    private @Nullable FactorModel factorize(InteractionMatrix matrix) {
        if (matrix.userCount() < 2 || matrix.itemCount() < 2) {
            return null;
        }
        AlsConfig config = AlsConfig.defaults()
                .withFactors(settings.factors())
                .withIterations(settings.iterations())
                .withThreads(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        return ImplicitAls.train(matrix.mapValues(Math::log1p), config);
    }

    private float[] popularity(InteractionMatrix matrix, Instant now) {
        if (matrix.size() == 0) {
            return new float[matrix.itemCount()];
        }
        double halfLifeDays = Math.max(1, settings.halfLife().toHours()) / 24.0;
        DecayedPopularity model = DecayedPopularity.build(matrix, halfLifeDays, now.getEpochSecond());
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
