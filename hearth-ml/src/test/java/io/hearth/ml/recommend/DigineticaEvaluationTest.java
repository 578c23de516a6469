package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Next-item prediction for anonymous sessions on the Diginetica sample, under the SR-GNN protocol
 * (see {@link DigineticaData} and {@link NextItemEvaluation}): HR@20 and MRR@20.
 */
class DigineticaEvaluationTest {

    private static final int K = 20;

    @Test
    void sessionKnnBeatsPopularityOnTheReferenceSplit() throws Exception {
        evaluateLastDays(7);
    }

    /** The reference week leaves only 99 predictions; a month gives a steadier reading. */
    @Test
    void sessionKnnBeatsPopularityOnTheLastMonth() throws Exception {
        evaluateLastDays(30);
    }

    private static void evaluateLastDays(int testDays) throws Exception {
        Path file = EvaluationData.sharedData().resolve("diginetica-sample/sample_train-item-views.csv");
        Assumptions.assumeTrue(Files.exists(file), "Diginetica sample not available");
        DigineticaData.Split split = DigineticaData.load(file, testDays);
        SessionKnn knn = SessionKnn.build(split.train(), SessionKnnConfig.defaults());
        IdIndex items = knn.items();
        float[] popularity = popularity(split.train(), items);
        ItemCoOccurrence itemKnn = itemKnn(split.train(), items);

        Map<String, NextItemEvaluation.SessionScorer> models = new LinkedHashMap<>();
        models.put("popularity", (prefix, scores) -> System.arraycopy(popularity, 0, scores, 0, scores.length));
        models.put("session popularity (S-POP)", (prefix, scores) -> sessionPopularity(prefix, items, scores));
        models.put(
                "item-kNN of the last item (cosine)",
                (prefix, scores) -> lastItemNeighbours(itemKnn, items.indexOf(prefix[prefix.length - 1]), scores));
        models.put(
                "SKNN (no position decay, no IDF)",
                SessionKnn.build(
                        split.train(),
                        SessionKnnConfig.defaults().withRecentItems(1000).withInverseFrequency(false))::score);
        models.put("V-SKNN (defaults)", knn::score);

        System.out.printf(
                "Diginetica sample, last %d days test: %d train sessions, %d test sessions, %d items%n",
                testDays, split.train().size(), split.test().size(), items.size());
        Map<String, NextItemEvaluation.Result> results = report(models, split.test(), items, popularity);

        var best = results.get("V-SKNN (defaults)");
        var pop = results.get("popularity");
        assertThat(best.hitRate()).isGreaterThan(2 * pop.hitRate());
        assertThat(best.mrr()).isGreaterThan(2 * pop.mrr());
        assertThat(best.hitRate())
                .isGreaterThan(results.get("session popularity (S-POP)").hitRate());
    }

    private static Map<String, NextItemEvaluation.Result> report(
            Map<String, NextItemEvaluation.SessionScorer> models, List<int[]> test, IdIndex items, float[] popularity) {
        float top = 0;
        for (float value : popularity) {
            top = Math.max(top, value);
        }
        float scale = 1e-4f / top;
        Map<String, NextItemEvaluation.Result> results = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| model | HR@20 | MRR@20 | predictions |\n|---|---|---|---|\n");
        for (var entry : models.entrySet()) {
            // Every model breaks ties (and fills a short list) by global popularity.
            NextItemEvaluation.SessionScorer filled = (prefix, scores) -> {
                entry.getValue().score(prefix, scores);
                for (int i = 0; i < scores.length; i++) {
                    scores[i] += scale * popularity[i];
                }
            };
            var result = NextItemEvaluation.evaluate(test, items, filled, K);
            results.put(entry.getKey(), result);
            table.append(String.format(
                    "| %s | %.4f | %.4f | %d |%n",
                    entry.getKey(), result.hitRate(), result.mrr(), result.predictions()));
        }
        System.out.println(table);
        return results;
    }

    private static float[] popularity(List<int[]> sessions, IdIndex items) {
        float[] counts = new float[items.size()];
        for (int[] session : sessions) {
            for (int item : session) {
                counts[items.indexOf(item)]++;
            }
        }
        return counts;
    }

    private static void sessionPopularity(int[] prefix, IdIndex items, float[] scores) {
        Arrays.fill(scores, 0f);
        for (int item : prefix) {
            scores[items.indexOf(item)] += 1;
        }
    }

    private static ItemCoOccurrence itemKnn(List<int[]> sessions, IdIndex items) {
        List<Interaction> views = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            for (int item : sessions.get(s)) {
                views.add(Interaction.of(s, item));
            }
        }
        InteractionMatrix matrix = InteractionMatrix.of(
                views, IdIndex.of(views.stream().mapToInt(Interaction::userId).toArray()), items);
        return ItemCoOccurrence.build(matrix, new CoOccurrenceConfig(Similarity.COSINE, 20, 0, 200, 1));
    }

    private static void lastItemNeighbours(ItemCoOccurrence model, int last, float[] scores) {
        Arrays.fill(scores, 0f);
        int[] similar = model.similarItems(last, K * 2);
        for (int rank = 0; rank < similar.length; rank++) {
            scores[similar[rank]] = model.similarity(last, rank);
        }
    }
}
