package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * MovieLens 100K under the Microsoft Recommenders protocol: stratified random 75/25 split per
 * user, every rating as an implicit interaction, top 10, training items excluded.
 */
class MovieLensEvaluationTest {

    private static final int K = 10;

    /** Chosen by {@link MovieLensTuningTest} on a validation split carved from train. */
    static final AlsConfig TUNED_ALS =
            AlsConfig.defaults().withFactors(48).withRegularization(50).withAlpha(5);

    /** Chosen by {@link MovieLensTuningTest#searchCoOccurrence()}. */
    static final CoOccurrenceConfig TUNED_COSINE =
            CoOccurrenceConfig.defaults().withSimilarity(Similarity.COSINE).withNeighbours(400);

    /** Chosen by {@link MovieLensTuningTest#searchEaseLambda()}. */
    static final double TUNED_EASE_LAMBDA = 500;

    @Test
    void reachesPublishedTopTierOnNdcg() throws Exception {
        Path file = EvaluationData.sharedData().resolve("movielens-100k/u.data");
        Assumptions.assumeTrue(Files.exists(file), "MovieLens 100K not available");
        EvaluationData.Split split = EvaluationData.stratifiedSplit(EvaluationData.movieLens(file), 0.75, 42);
        InteractionMatrix train = InteractionMatrix.of(split.train());
        long now =
                split.train().stream().mapToLong(Interaction::epochSecond).max().orElse(0);

        Map<String, Function<InteractionMatrix, Recommender>> models = new LinkedHashMap<>();
        models.put("popularity", m -> DecayedPopularity.build(m, Double.POSITIVE_INFINITY, now));
        models.put("co-occurrence (LLR)", m -> ItemCoOccurrence.build(m, CoOccurrenceConfig.defaults()));
        models.put("co-occurrence (cosine, 400 neighbours)", m -> ItemCoOccurrence.build(m, TUNED_COSINE));
        models.put("ALS", m -> ImplicitAls.train(m, TUNED_ALS));
        models.put("EASE", m -> Ease.train(m, TUNED_EASE_LAMBDA));
        Map<String, EvaluationReport> reports = ReportTable.run(models, train, split.test(), K);

        double best = reports.values().stream()
                .mapToDouble(EvaluationReport::ndcg)
                .max()
                .orElse(0);
        assertThat(best).isGreaterThanOrEqualTo(0.42);
    }
}
