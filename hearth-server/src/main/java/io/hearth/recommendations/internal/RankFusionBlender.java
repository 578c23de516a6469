package io.hearth.recommendations.internal;

import io.hearth.recommendations.Strategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Weighted reciprocal-rank fusion: an item earns {@code weight / (60 + rank)} from every list it is in,
 * so agreement between strategies lifts it and no strategy's raw score scale matters. Weights put what
 * the shopper does right now first, then their taste, then what is popular. The strategy that
 * contributed most is the item's strategy. The model's learned weights ({@link BlendLearner}), where it
 * has them, replace the hand-set ones of the strategies they cover.
 */
@Component
class RankFusionBlender implements SlateBlender {

    private static final int RANK_OFFSET = 60;
    static final Map<Strategy, Double> WEIGHTS = new EnumMap<>(Map.of(
            Strategy.SESSION, 1.0,
            Strategy.FACTORS, 0.9,
            Strategy.BOUGHT_TOGETHER, 0.8,
            Strategy.SIMILAR, 0.7,
            Strategy.CONTENT, 0.7,
            Strategy.CATEGORY_POPULARITY, 0.4,
            Strategy.POPULARITY, 0.25,
            Strategy.CATALOG, 0.05));

    @Override
    public List<Candidate> blend(ServingModel model, List<CandidateList> lists) {
        Map<Strategy, Double> weights = new EnumMap<>(WEIGHTS);
        weights.putAll(model.learnedWeights());
        return blend(lists, weights);
    }

    static List<Candidate> blend(List<CandidateList> lists, Map<Strategy, Double> weights) {
        int proposed = 0;
        for (CandidateList list : lists) {
            proposed += list.candidates().size();
        }
        List<Candidate> all = new ArrayList<>(proposed);
        ItemScores total = new ItemScores(proposed);
        for (CandidateList list : lists) {
            double weight = weights.get(list.strategy());
            for (int rank = 0; rank < list.candidates().size(); rank++) {
                Candidate candidate = list.candidates().get(rank);
                total.add(candidate.item(), weight / (RANK_OFFSET + rank), all.size());
                all.add(candidate);
            }
        }
        List<Candidate> blended = new ArrayList<>(total.size());
        for (int position : total.best(total.size())) {
            blended.add(all.get(total.origin(position)).withScore(total.total(position)));
        }
        return blended;
    }
}
