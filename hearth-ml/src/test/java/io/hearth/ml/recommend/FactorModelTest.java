package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FactorModelTest {

    @Test
    void scoresAreExactlyThePerItemDotProducts() {
        int factors = 7;
        Random random = new Random(5);
        float[] users = new float[3 * factors];
        float[] items = new float[101 * factors];
        for (int i = 0; i < users.length; i++) {
            users[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = (float) random.nextGaussian();
        }
        FactorModel model = FactorModel.of(factors, users, items);
        float[] scores = new float[101];
        for (int user = 0; user < 3; user++) {
            model.score(user, scores);
            for (int item = 0; item < 101; item++) {
                float dot = 0;
                for (int f = 0; f < factors; f++) {
                    dot += users[user * factors + f] * items[item * factors + f];
                }
                assertThat(scores[item]).isEqualTo(dot);
            }
        }
    }
}
