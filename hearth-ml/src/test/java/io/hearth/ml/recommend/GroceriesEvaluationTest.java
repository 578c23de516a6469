package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Groceries baskets, leave one out within the basket: a seeded fifth of the baskets with at least
 * two items each lose one random item; the models see every basket (the test ones without their
 * held-out item) and must name the missing item in their top 10. Settings come from another
 * fifth held out the same way. With one relevant item per test
 * basket, HR@10 is Recall@10.
 */
class GroceriesEvaluationTest {

    private static final int K = 10;

    private record Holdout(List<Interaction> fit, List<Interaction> validation, List<Interaction> test) {}

    @Test
    void basketCompletionBeatsPopularity() throws Exception {
        Path file = EvaluationData.sharedData().resolve("groceries/groceries_from_rda_basket.csv");
        Assumptions.assumeTrue(Files.exists(file), "Groceries not available");
        List<int[]> baskets = baskets(file);
        Holdout holdout = holdout(baskets);
        // EASE's penalty and the blend weights are chosen on validation baskets, never on test ones.
        InteractionMatrix fit = InteractionMatrix.of(holdout.fit());
        double lambda = bestEaseLambda(fit, holdout.validation());
        BlendWeights learned = BlendWeights.learn(fit, holdout.validation(), components(fit, lambda), K);
        System.out.printf(
                "Groceries: %d baskets, %d validation and %d test items held out; EASE λ = %.0f; blend weights"
                        + " (EASE, cosine co-occurrence, popularity) %s%n",
                baskets.size(),
                holdout.validation().size(),
                holdout.test().size(),
                lambda,
                Arrays.toString(learned.weights()));

        List<Interaction> train = new ArrayList<>(holdout.fit());
        train.addAll(holdout.validation());
        Map<String, Function<InteractionMatrix, Recommender>> models = new LinkedHashMap<>();
        models.put("popularity", m -> DecayedPopularity.build(m, Double.POSITIVE_INFINITY, 0));
        models.put("co-occurrence (LLR)", m -> ItemCoOccurrence.build(m, CoOccurrenceConfig.defaults()));
        models.put("co-occurrence (cosine)", m -> ItemCoOccurrence.build(m, COSINE));
        models.put(
                "ALS (32 factors)",
                m -> ImplicitAls.train(m, AlsConfig.defaults().withFactors(32)));
        models.put("EASE (λ from validation)", m -> Ease.train(m, lambda));
        models.put("blend (learned weights)", m -> Blend.of(components(m, lambda), learned.weights(), m.itemCount()));
        Map<String, EvaluationReport> reports = ReportTable.run(models, InteractionMatrix.of(train), holdout.test(), K);

        double popularity = reports.get("popularity").recall();
        double blend = reports.get("blend (learned weights)").recall();
        System.out.printf("HR@10: popularity %.4f, blend %.4f%n", popularity, blend);
        assertThat(popularity).isBetween(0.25, 0.5);
        assertThat(blend).isGreaterThan(popularity + 0.02).isLessThan(0.8);
    }

    private static final CoOccurrenceConfig COSINE =
            CoOccurrenceConfig.defaults().withSimilarity(Similarity.COSINE);

    private static List<Recommender> components(InteractionMatrix matrix, double lambda) {
        return List.of(
                Ease.train(matrix, lambda),
                ItemCoOccurrence.build(matrix, COSINE),
                DecayedPopularity.build(matrix, Double.POSITIVE_INFINITY, 0));
    }

    private static double bestEaseLambda(InteractionMatrix fit, List<Interaction> validation) {
        double best = 0;
        double bestRecall = -1;
        for (double lambda : new double[] {10, 50, 100, 200, 500, 1000}) {
            double recall = RankingEvaluation.evaluate(fit, validation, Ease.train(fit, lambda), K)
                    .recall();
            if (recall > bestRecall) {
                bestRecall = recall;
                best = lambda;
            }
        }
        return best;
    }

    /** A seeded fifth of the baskets of two or more items lose one item to test, another fifth to validation. */
    private static Holdout holdout(List<int[]> baskets) {
        List<Interaction> fit = new ArrayList<>();
        List<Interaction> validation = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        Random random = new Random(42);
        for (int basket = 0; basket < baskets.size(); basket++) {
            int[] items = baskets.get(basket);
            int fold = items.length >= 2 ? random.nextInt(5) : -1;
            int heldOut = fold >= 0 && fold <= 1 ? random.nextInt(items.length) : -1;
            for (int i = 0; i < items.length; i++) {
                List<Interaction> target = i != heldOut ? fit : fold == 0 ? test : validation;
                target.add(Interaction.of(basket, items[i]));
            }
        }
        return new Holdout(fit, validation, test);
    }

    /** One basket per line, items as comma-separated names, mapped to ints in order of appearance. */
    private static List<int[]> baskets(Path file) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> baskets = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                baskets.add(Arrays.stream(line.split(","))
                        .map(String::strip)
                        .mapToInt(name -> ids.computeIfAbsent(name, key -> ids.size()))
                        .distinct()
                        .toArray());
            }
        }
        return baskets;
    }
}
