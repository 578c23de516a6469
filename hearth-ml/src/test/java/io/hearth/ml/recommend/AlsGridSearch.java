package io.hearth.ml.recommend;

import java.util.List;

/**
 * Prints validation metrics for a grid given as {@code factors:regularizations:alphas}, each axis
 * comma-separated (for example {@code 32,64:10,50:5,10}).
 */
final class AlsGridSearch {

    private AlsGridSearch() {}

    static void run(InteractionMatrix train, List<Interaction> validation, String grid) {
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
                            RankingEvaluation.evaluate(train, validation, ImplicitAls.train(train, config), 10);
                    System.out.printf(
                            "factors=%s reg=%s alpha=%s ndcg=%.4f map=%.4f%n",
                            factors, regularization, alpha, report.ndcg(), report.map());
                }
            }
        }
    }
}
