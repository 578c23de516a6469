package io.hearth.recommendations.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Re-ranks blended candidates for one request: drops the ineligible (out of stock, owned and not
 * replenishable, fatigued, on screen), lifts items chosen more on the request's device or at its part
 * of the day, then picks greedily by maximal marginal relevance (relevance against similarity to what
 * is already picked) with at most {@code categoryCap} items per category.
 */
final class SlateRanker {

    /** How far device and day-part habits may move a score: a lift of 1 (e ×) adds 30 %. */
    private static final double CONTEXT_WEIGHT = 0.3;

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
        List<Candidate> pool = new ArrayList<>();
        for (Candidate candidate : blended) {
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

    private List<Candidate> pick(List<Candidate> pool, int n) {
        List<Candidate> remaining = new ArrayList<>(pool);
        List<Candidate> picked = new ArrayList<>();
        Map<String, Integer> perCategory = new HashMap<>();
        while (picked.size() < n && !remaining.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < remaining.size(); i++) {
                Candidate candidate = remaining.get(i);
                String category = categoryOf.apply(candidate.item());
                if (category != null && perCategory.getOrDefault(category, 0) >= categoryCap) {
                    continue;
                }
                double value = diversity * candidate.score() - (1 - diversity) * redundancy(candidate, picked);
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            Candidate chosen = remaining.remove(best);
            picked.add(chosen);
            String category = categoryOf.apply(chosen.item());
            if (category != null) {
                perCategory.merge(category, 1, Integer::sum);
            }
        }
        return picked;
    }

    /** The largest similarity to an item already picked: ALS cosine, or 1 for the same category. */
    private double redundancy(Candidate candidate, List<Candidate> picked) {
        double most = 0;
        String category = categoryOf.apply(candidate.item());
        for (Candidate other : picked) {
            double similarity = model.factors() != null
                    ? Math.max(0, model.similarity(candidate.item(), other.item()))
                    : (category != null && category.equals(categoryOf.apply(other.item())) ? 1 : 0);
            most = Math.max(most, similarity);
        }
        return most;
    }
}
