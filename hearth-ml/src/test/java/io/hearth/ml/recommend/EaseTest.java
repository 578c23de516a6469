package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EaseTest {

    @Test
    void inverseTimesMatrixIsIdentity() {
        int n = 12;
        Random random = new Random(5);
        double[] base = new double[n * n];
        for (int i = 0; i < base.length; i++) {
            base[i] = random.nextGaussian();
        }
        double[] spd = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    sum += base[i * n + k] * base[j * n + k];
                }
                spd[i * n + j] = sum;
            }
        }
        double[] inverse = SymmetricInverse.invert(spd.clone(), n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += spd[i * n + k] * inverse[k * n + j];
                }
                assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void completesTheMissingItemOfABlock() {
        List<Interaction> interactions = new ArrayList<>();
        for (int user = 0; user < 40; user++) {
            int first = user < 20 ? 0 : 10;
            for (int item = first; item < first + 10; item++) {
                if (item != first + user % 10) {
                    interactions.add(Interaction.of(user, item));
                }
            }
        }
        InteractionMatrix matrix = InteractionMatrix.of(interactions);
        Ease model = Ease.train(matrix, 5);
        float[] scores = new float[matrix.itemCount()];
        for (int user = 0; user < 40; user++) {
            model.score(user, scores);
            int[] top = TopK.select(scores, 1, matrix.itemsOf(user));
            assertThat(top[0]).isEqualTo((user < 20 ? 0 : 10) + user % 10);
        }
    }
}
