package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DotProductIndexTest {

    private static final int FACTORS = 7;

    @Test
    void agreesWithTheRowMajorPassAndTopKAcrossSeveralBlocks() {
        // Small whole numbers make every sum exact, so both orders of summation give equal scores and
        // the ties (many, with values this coarse) must be broken the same way.
        int items = 10_000;
        float[] itemFactors = wholeNumbers(new Random(5), items * FACTORS);
        float[] users = wholeNumbers(new Random(6), 20 * FACTORS);
        FactorModel model = FactorModel.of(FACTORS, users, itemFactors);
        DotProductIndex index = DotProductIndex.of(itemFactors, FACTORS);
        int[] excluded = {0, 17, 4_095, 4_096, 4_097, 9_999};
        float[] scores = new float[items];
        for (int user = 0; user < 20; user++) {
            model.score(user, scores);
            DotProductIndex.Ranked ranked = index.top(model.userVector(user), 40, excluded);

            assertThat(ranked.items()).containsExactly(TopK.select(scores, 40, excluded));
            for (int rank = 0; rank < ranked.items().length; rank++) {
                assertThat(ranked.scores()[rank]).isEqualTo(scores[ranked.items()[rank]]);
            }
        }
    }

    @Test
    void answersEveryItemWhenKIsLargerThanTheCatalogue() {
        float[] itemFactors = {1, 0, 3, 0, 2, 0};
        DotProductIndex index = DotProductIndex.of(itemFactors, 2);

        DotProductIndex.Ranked ranked = index.top(new float[] {1, 5}, 10, new int[] {2});

        assertThat(ranked.items()).containsExactly(1, 0);
        assertThat(ranked.scores()).containsExactly(3f, 1f);
        assertThat(index.top(new float[] {1, 5}, 0, new int[0]).items()).isEmpty();
    }

    @Test
    void refusesAQueryOfTheWrongLength() {
        DotProductIndex index = DotProductIndex.of(new float[] {1, 2, 3, 4}, 2);

        assertThatThrownBy(() -> index.top(new float[3], 1, new int[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 factors");
    }

    private static float[] wholeNumbers(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextInt(7) - 3;
        }
        return values;
    }
}
