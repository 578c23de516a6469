package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void returnsBestFirstSkippingExcluded() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};
        assertThat(TopK.select(scores, 3, new int[] {1})).containsExactly(3, 2, 4);
    }

    @Test
    void breaksTiesByLowerIndexAndCopesWithShortCatalogues() {
        float[] scores = {1f, 2f, 2f, 1f};
        assertThat(TopK.select(scores, 10, new int[0])).containsExactly(1, 2, 0, 3);
        assertThat(TopK.select(scores, 0, new int[0])).isEmpty();
    }

    @Test
    void agreesWithAFullSort() {
        Random random = new Random(3);
        float[] scores = new float[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextFloat();
        }
        int[] expected = IntStream.range(0, scores.length)
                .boxed()
                .sorted((a, b) -> Float.compare(scores[b], scores[a]))
                .limit(25)
                .mapToInt(Integer::intValue)
                .toArray();
        assertThat(TopK.select(scores, 25, new int[0])).containsExactly(expected);
    }
}
