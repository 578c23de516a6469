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
    void searchAlsGrid() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hearth.tune"), "tuning runs only on request");
        Path file = EvaluationData.sharedData().resolve("movielens-100k/u.data");
        Assumptions.assumeTrue(Files.exists(file), "MovieLens 100K not available");
        EvaluationData.Split outer = EvaluationData.stratifiedSplit(EvaluationData.movieLens(file), 0.75, 42);
        EvaluationData.Split inner = EvaluationData.stratifiedSplit(outer.train(), 0.75, 7);
        InteractionMatrix train = InteractionMatrix.of(inner.train());
        String grid = System.getProperty("hearth.grid", "64:0.1,1,10:1,5,20,50");
        String[] axes = grid.split(":");
        for (String factors : axes[0].split(",")) {
            for (String regularization : axes[1].split(",")) {
                for (String alpha : axes[2].split(",")) {
                    AlsConfig config = AlsConfig.defaults()
                            .withFactors(Integer.parseInt(factors))
                            .withRegularization(Double.parseDouble(regularization))
                            .withAlpha(Double.parseDouble(alpha))
                            .withIterations(Integer.getInteger("hearth.iterations", 15))
                            .withCgSteps(Integer.getInteger("hearth.cg", 3));
                    EvaluationReport report =
                            RankingEvaluation.evaluate(train, inner.test(), ImplicitAls.train(train, config), 10);
                    System.out.printf(
                            "factors=%s reg=%s alpha=%s ndcg=%.4f map=%.4f%n",
                            factors, regularization, alpha, report.ndcg(), report.map());
                }
            }
        }
    }
}
