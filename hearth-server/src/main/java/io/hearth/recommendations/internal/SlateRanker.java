package io.hearth.recommendations.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Re-ranks the best blended candidates for one request: drops the ineligible (out of stock, owned and not
 * replenishable, fatigued, on screen), lifts items chosen more on the request's device or at its part
 * of the day, then picks greedily by maximal marginal relevance (relevance against similarity to what
 * is already picked) with at most {@code categoryCap} items per category.
 */
final class SlateRanker {

    /** How far device and day-part habits may move a score: a lift of 1 (e ×) adds 30 %. */
    private static final double CONTEXT_WEIGHT = 0.3;

    /**
     * The best eligible blended candidates re-ranked, per slate item: enough for context lifts (at
     * most 30 %) and diversity to choose among, without checking and comparing the whole blend (about
     * 200 candidates, each a catalogue lookup and a cosine per pick).
     */
    static final int POOL_PER_ITEM = 5;

    private final ServingModel model;
    private final double diversity;
    private final int categoryCap;
    private final IntFunction<@Nullable String> categoryOf;

    SlateRanker(ServingModel model, double diversity, int categoryCap, IntFunction<@Nullable String> categoryOf) {
        this.model = model;
        this.diversity = diversity;
        this.categoryCap = categoryCap;
        this.categoryOf = categoryOf;
    }

    List<Candidate> rank(
            List<Candidate> blended, IntPredicate eligible, @Nullable Device device, @Nullable DayPart dayPart, int n) {
        List<Candidate> pool = new ArrayList<>(POOL_PER_ITEM * n);
        for (Candidate candidate : blended) {
            if (pool.size() == POOL_PER_ITEM * n) {
                break;
            }
            if (eligible.test(candidate.item())) {
                pool.add(candidate.withScore(candidate.score() * contextFactor(candidate.item(), device, dayPart)));
            }
        }
        return pick(normalize(pool), n);
    }

    private double contextFactor(int item, @Nullable Device device, @Nullable DayPart dayPart) {
        double lift = 0;
        if (device != null) {
            lift += model.lift(item, model.deviceCounts(), model.deviceTotals(), device.ordinal());
        }
        if (dayPart != null) {
            lift += model.lift(item, model.hourCounts(), model.hourTotals(), dayPart.ordinal());
        }
        return Math.max(0.5, 1 + CONTEXT_WEIGHT * Math.max(-1, Math.min(1, lift)));
    }

    private static List<Candidate> normalize(List<Candidate> pool) {
        double max = pool.stream().mapToDouble(Candidate::score).max().orElse(1);
        if (max <= 0) {
            return pool;
        }
        return pool.stream()
                .map(candidate -> candidate.withScore(candidate.score() / max))
                .toList();
    }

    /**
     * Greedy MMR. Each candidate's category is looked up once and its redundancy (largest similarity to
     * anything picked) is updated with each pick, so a slate costs one similarity per candidate and pick.
     */
    private List<Candidate> pick(List<Candidate> pool, int n) {
        int size = pool.size();
        String[] categories = new String[size];
        double[] redundancy = new double[size];
        boolean[] taken = new boolean[size];
        for (int i = 0; i < size; i++) {
            categories[i] = categoryOf.apply(pool.get(i).item());
        }
        List<Candidate> picked = new ArrayList<>();
        Map<String, Integer> perCategory = new HashMap<>();
        while (picked.size() < n) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                if (taken[i] || (categories[i] != null && perCategory.getOrDefault(categories[i], 0) >= categoryCap)) {
                    continue;
                }
                double value = diversity * pool.get(i).score() - (1 - diversity) * redundancy[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            picked.add(pool.get(best));
            if (categories[best] != null) {
                perCategory.merge(categories[best], 1, Integer::sum);
            }
            for (int i = 0; i < size; i++) {
                if (!taken[i]) {
                    redundancy[i] = Math.max(
                            redundancy[i], similarity(pool.get(i).item(), categories[i], best, pool, categories));
                }
            }
        }
        return picked;
    }

    /** ALS cosine, or 1 for the same category when there are no factors. */
    private double similarity(
            int item, @Nullable String category, int other, List<Candidate> pool, String[] categories) {
        if (model.factors() != null) {
            return Math.max(0, model.similarity(item, pool.get(other).item()));
        }
        return category != null && category.equals(categories[other]) ? 1 : 0;
    }
}
