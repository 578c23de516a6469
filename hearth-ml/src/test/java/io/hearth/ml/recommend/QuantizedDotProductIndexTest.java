package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedDotProductIndexTest {

    @Test
    void answersTheExactTopKWithExactScoresOnALargeCatalogue() {
        int factors = 32;
        int items = 50_000;
        Random random = new Random(3);
        float[] itemFactors = gaussian(random, items * factors);
        float[] users = gaussian(random, 200 * factors);
        FactorModel model = FactorModel.of(factors, users, itemFactors);
        QuantizedDotProductIndex index = QuantizedDotProductIndex.of(itemFactors, factors);
        int[] excluded = {0, 17, 4_095, 4_096, 4_097, 49_999};
        float[] scores = new float[items];
        for (int user = 0; user < 200; user++) {
            model.score(user, scores);
            DotProductIndex.Ranked ranked = index.top(model.userVector(user), 40, excluded);

            assertThat(ranked.items()).containsExactly(TopK.select(scores, 40, excluded));
            for (int rank = 0; rank < ranked.items().length; rank++) {
                assertThat(ranked.scores()[rank]).isCloseTo(scores[ranked.items()[rank]], within(1e-4f));
            }
        }
    }

    @Test
    void manyQueriesAtOnceGetTheAnswersOfOneAtATime() {
        int factors = 16;
        Random random = new Random(11);
        QuantizedDotProductIndex index = QuantizedDotProductIndex.of(gaussian(random, 10_000 * factors), factors);
        float[] queries = gaussian(random, 37 * factors);

        DotProductIndex.Ranked[] together = index.topAll(queries, 64);

        assertThat(together).hasSize(37);
        for (int q = 0; q < 37; q++) {
            float[] query = java.util.Arrays.copyOfRange(queries, q * factors, (q + 1) * factors);
            DotProductIndex.Ranked alone = index.top(query, 64, new int[0]);
            assertThat(together[q].items()).as("query %d", q).containsExactly(alone.items());
            assertThat(together[q].scores()).containsExactly(alone.scores());
        }
        QuantizedDotProductIndex small = QuantizedDotProductIndex.of(new float[] {1, 0, 3, 0, 1, 0, 2, 2}, 2);
        assertThat(small.topAll(new float[] {1, 0, 0, 1}, 2)[1].items()).containsExactly(3, 0);
    }

    @Test
    void aSmallCatalogueIsScoredExactlyTiesToTheLowerIndex() {
        float[] itemFactors = {1, 0, 3, 0, 1, 0, 2, 2};
        QuantizedDotProductIndex index = QuantizedDotProductIndex.of(itemFactors, 2);

        DotProductIndex.Ranked ranked = index.top(new float[] {1, 0}, 3, new int[] {1});

        assertThat(ranked.items()).containsExactly(3, 0, 2);
        assertThat(ranked.scores()).containsExactly(2f, 1f, 1f);
        assertThat(index.top(new float[] {1, 0}, 10, new int[0]).items()).containsExactly(1, 3, 0, 2);
        assertThat(index.top(new float[] {1, 0}, 0, new int[0]).items()).isEmpty();
    }

    @Test
    void aZeroFactorColumnAndWrongInputAreHandled() {
        QuantizedDotProductIndex index = QuantizedDotProductIndex.of(new float[200], 2);

        assertThat(index.top(new float[] {1, 1}, 5, new int[0]).items()).hasSize(5);
        assertThatThrownBy(() -> index.top(new float[3], 1, new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuantizedDotProductIndex.of(new float[] {Float.NaN, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] gaussian(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
