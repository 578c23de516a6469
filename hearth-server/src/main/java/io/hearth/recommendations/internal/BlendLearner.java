package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.AlsConfig;
import io.hearth.ml.recommend.BlendWeights;
import io.hearth.ml.recommend.CoOccurrenceConfig;
import io.hearth.ml.recommend.DecayedPopularity;
import io.hearth.ml.recommend.IdIndex;
import io.hearth.ml.recommend.ImplicitAls;
import io.hearth.ml.recommend.Interaction;
import io.hearth.ml.recommend.InteractionMatrix;
import io.hearth.ml.recommend.ItemCoOccurrence;
import io.hearth.ml.recommend.Recommender;
import io.hearth.recommendations.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Learns how much taste (ALS), what goes with what was bought (co-occurrence) and popularity count for
 * a shop: the three are fitted again on all but the newest {@link #HOLDOUT} of the interactions, and
 * {@link BlendWeights} picks the weights that best rank the purchases made after that cut (nDCG@10).
 * The winners become the rank-fusion weights of those strategies, the largest one at {@link #TOP}
 * (where the hand-set ALS weight is), so the strategies the shop's data does not support sink.
 */
final class BlendLearner {

    static final double HOLDOUT = 0.1;
    static final int MIN_VALIDATION = 10;
    static final double TOP = 0.9;
    private static final List<Strategy> COMPONENTS =
            List.of(Strategy.FACTORS, Strategy.BOUGHT_TOGETHER, Strategy.POPULARITY);

    private BlendLearner() {}

    /** The learned weights, or none when the newest interactions hold too few purchases to judge by. */
    static Map<Strategy, Double> learn(
            List<Interaction> all,
            List<Interaction> bought,
            IdIndex users,
            IdIndex items,
            AlsConfig als,
            double halfLifeDays) {
        long[] times = all.stream().mapToLong(Interaction::epochSecond).sorted().toArray();
        if (times.length == 0) {
            return Map.of();
        }
        long cut = times[(int) Math.min(times.length - 1, Math.floor(times.length * (1 - HOLDOUT)))];
        List<Interaction> train = new ArrayList<>();
        List<Interaction> trainBought = new ArrayList<>();
        for (Interaction interaction : all) {
            if (interaction.epochSecond() < cut) {
                train.add(interaction);
            }
        }
        for (Interaction interaction : bought) {
            if (interaction.epochSecond() < cut) {
                trainBought.add(interaction);
            }
        }
        InteractionMatrix trainMatrix = InteractionMatrix.of(train, users, items);
        List<Interaction> validation = validation(bought.isEmpty() ? all : bought, cut, trainMatrix);
        if (validation.size() < MIN_VALIDATION || trainMatrix.size() == 0 || trainBought.isEmpty()) {
            return Map.of();
        }
        List<Recommender> components = List.of(
                ImplicitAls.train(trainMatrix.mapValues(Math::log1p), als),
                ItemCoOccurrence.build(
                        InteractionMatrix.of(trainBought, users, items),
                        CoOccurrenceConfig.defaults()
                                .withNeighbours(ModelTrainer.NEIGHBOURS)
                                .withWindowDays(30)),
                DecayedPopularity.build(trainMatrix, halfLifeDays, cut));
        double[] weights =
                BlendWeights.learn(trainMatrix, validation, components, 10).weights();
        double max = Arrays.stream(weights).max().orElse(0);
        Map<Strategy, Double> learned = new EnumMap<>(Strategy.class);
        for (int c = 0; c < COMPONENTS.size(); c++) {
            learned.put(COMPONENTS.get(c), max == 0 ? 0 : TOP * weights[c] / max);
        }
        return learned;
    }

    /** What came after the cut, for users known before it: the choices the blend must foresee. */
    private static List<Interaction> validation(List<Interaction> interactions, long cut, InteractionMatrix train) {
        List<Interaction> validation = new ArrayList<>();
        for (Interaction interaction : interactions) {
            if (interaction.epochSecond() >= cut && train.itemsOf(interaction.userId()).length > 0) {
                validation.add(interaction);
            }
        }
        return validation;
    }
}
