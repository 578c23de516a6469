package io.hearth.ml.recommend;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Hyper-parameter search on a validation split carved out of the MovieLens training part, never
 * the test part. Slow, so it only runs with {@code -Dhearth.tune=true}.
 */
class MovieLensTuningTest {

    @Test
    void searchEaseLambda() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hearth.tune.ease"), "tuning runs only on request");
        Path file = EvaluationData.sharedData().resolve("movielens-100k/u.data");
        EvaluationData.Split outer = EvaluationData.stratifiedSplit(EvaluationData.movieLens(file), 0.75, 42);
        EvaluationData.Split inner = EvaluationData.stratifiedSplit(outer.train(), 0.75, 7);
        InteractionMatrix train = InteractionMatrix.of(inner.train());
        for (double lambda : new double[] {100, 200, 300, 500, 1000}) {
            EvaluationReport report = RankingEvaluation.evaluate(train, inner.test(), Ease.train(train, lambda), 10);
            System.out.printf("ease lambda=%s ndcg=%.4f map=%.4f%n", lambda, report.ndcg(), report.map());
        }
    }

    @Test
    void searchCoOccurrence() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hearth.tune.cooc"), "tuning runs only on request");
        Path file = EvaluationData.sharedData().resolve("movielens-100k/u.data");
        EvaluationData.Split outer = EvaluationData.stratifiedSplit(EvaluationData.movieLens(file), 0.75, 42);
        EvaluationData.Split inner = EvaluationData.stratifiedSplit(outer.train(), 0.75, 7);
        InteractionMatrix train = InteractionMatrix.of(inner.train());
        for (Similarity similarity : Similarity.values()) {
            for (int neighbours : new int[] {20, 50, 100, 400}) {
                var config =
                        CoOccurrenceConfig.defaults().withSimilarity(similarity).withNeighbours(neighbours);
                EvaluationReport report =
                        RankingEvaluation.evaluate(train, inner.test(), ItemCoOccurrence.build(train, config), 10);
                System.out.printf(
                        "cooc %s n=%d ndcg=%.4f map=%.4f%n", similarity, neighbours, report.ndcg(), report.map());
            }
        }
    }

    @Test
    void searchAlsGrid() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hearth.tune"), "tuning runs only on request");
        Path file = EvaluationData.sharedData().resolve("movielens-100k/u.data");
        Assumptions.assumeTrue(Files.exists(file), "MovieLens 100K not available");
        EvaluationData.Split outer = EvaluationData.stratifiedSplit(EvaluationData.movieLens(file), 0.75, 42);
        EvaluationData.Split inner = EvaluationData.stratifiedSplit(outer.train(), 0.75, 7);
        InteractionMatrix train = InteractionMatrix.of(inner.train());
        AlsGridSearch.run(train, inner.test(), System.getProperty("hearth.grid", "16,32,48:20,50,100,200:5,10,20"));
    }
}
