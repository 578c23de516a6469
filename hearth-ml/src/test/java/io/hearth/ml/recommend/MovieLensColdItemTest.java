package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Cold items on MovieLens 100K: a seeded tenth of the movies loses every training rating, as if
 * just added to the catalogue; the models rank only those movies for each user who rated one in
 * the test split. Content vectors are the 19 genre flags of {@code u.item}.
 */
class MovieLensColdItemTest {

    private static final int K = 10;

    @Test
    void contentFillRanksColdItemsBetterThanChance() throws Exception {
        Path data = EvaluationData.sharedData().resolve("movielens-100k");
        Assumptions.assumeTrue(Files.exists(data.resolve("u.item")), "MovieLens 100K not available");
        EvaluationData.Split split =
                EvaluationData.stratifiedSplit(EvaluationData.movieLens(data.resolve("u.data")), 0.75, 42);
        float[][] genres = genres(data.resolve("u.item"));
        IdIndex items = IdIndex.of(IntStream.range(1, genres.length).toArray());
        boolean[] cold = new boolean[items.size()];
        Random random = new Random(7);
        IntStream.range(0, cold.length).forEach(item -> cold[item] = random.nextInt(10) == 0);
        List<Interaction> warm = split.train().stream()
                .filter(i -> !cold[items.indexOf(i.itemId())])
                .toList();
        List<Interaction> coldTest = split.test().stream()
                .filter(i -> cold[items.indexOf(i.itemId())])
                .toList();
        IdIndex users = IdIndex.of(warm.stream().mapToInt(Interaction::userId).toArray());
        InteractionMatrix train = InteractionMatrix.of(warm, users, items);
        float[][] vectors = new float[items.size()][];
        for (int item = 0; item < vectors.length; item++) {
            vectors[item] = genres[items.idAt(item)];
        }
        ContentSimilarity content = ContentSimilarity.of(vectors);
        int[] coldItems = IntStream.range(0, cold.length).filter(i -> cold[i]).toArray();
        FactorModel als = ImplicitAls.train(train, MovieLensEvaluationTest.TUNED_ALS);

        Map<String, Function<InteractionMatrix, Recommender>> models = new LinkedHashMap<>();
        models.put("random order", m -> ColdOnly.of(cold, ColdOnly::randomScores));
        models.put("ALS alone (cold factors untrained)", m -> ColdOnly.of(cold, als));
        models.put("content: genre profile of the user", m -> ColdOnly.of(cold, content.recommender(m)));
        models.put(
                "ALS with content-filled cold factors",
                m -> ColdOnly.of(cold, content.withColdItems(als, coldItems, 20)));
        System.out.printf("%d cold movies, %d test ratings of them%n", coldItems.length, coldTest.size());
        Map<String, EvaluationReport> reports = ReportTable.run(models, train, coldTest, K);

        double chance = reports.get("random order").ndcg();
        double filled = reports.get("ALS with content-filled cold factors").ndcg();
        assertThat(filled).isGreaterThan(1.5 * chance);
        assertThat(filled)
                .isGreaterThan(reports.get("ALS alone (cold factors untrained)").ndcg());
    }

    /** Genre flags by movie id (index 0 unused); {@code u.item} is ISO-8859-1 and pipe-separated. */
    private static float[][] genres(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        float[][] genres = new float[lines.size() + 1][];
        for (String line : lines) {
            String[] fields = line.split("\\|");
            float[] flags = new float[fields.length - 5];
            for (int g = 0; g < flags.length; g++) {
                flags[g] = Float.parseFloat(fields[5 + g]);
            }
            genres[Integer.parseInt(fields[0])] = flags;
        }
        return genres;
    }
}
