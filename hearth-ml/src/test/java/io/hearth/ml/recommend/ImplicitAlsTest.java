package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {

    /**
     * Two communities: users 0-19 like items 0-9, users 20-39 like items 10-19. Each user hides
     * one item of their own block; ALS must rank it above every item of the other block.
     */
    @Test
    void recoversBlockStructure() {
        InteractionMatrix matrix = InteractionMatrix.of(blocks());
        FactorModel model = ImplicitAls.train(
                matrix,
                AlsConfig.defaults().withFactors(2).withRegularization(1).withThreads(2));
        for (int user = 0; user < 40; user++) {
            int[] top = model.recommend(user, 1, matrix.itemsOf(user));
            int block = user < 20 ? 0 : 1;
            assertThat(top[0] / 10).as("user %d", user).isEqualTo(block);
        }
    }

    @Test
    void storedFactorsRoundTripAndRecommendSkipsSeenItems() {
        InteractionMatrix matrix = InteractionMatrix.of(blocks());
        FactorModel model =
                ImplicitAls.train(matrix, AlsConfig.defaults().withFactors(2).withRegularization(1));
        FactorModel reloaded = FactorModel.of(2, model.userFactors(), model.itemFactors());
        int[] viaInterface = ((Recommender) reloaded).recommend(matrix, 0, 5);
        assertThat(viaInterface).containsExactly(model.recommend(0, 5, matrix.itemsOf(0)));
        assertThat(viaInterface).doesNotContain(matrix.itemsOf(0));
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        InteractionMatrix matrix = InteractionMatrix.of(blocks());
        AlsConfig config = AlsConfig.defaults().withFactors(8).withIterations(5);
        FactorModel single = ImplicitAls.train(matrix, config.withThreads(1));
        FactorModel many = ImplicitAls.train(matrix, config.withThreads(3));
        for (int user = 0; user < matrix.userCount(); user++) {
            assertThat(many.userVector(user)).containsExactly(single.userVector(user));
        }
    }

    @Test
    void conjugateGradientConvergesToTheExactSolution() {
        // With many steps CG must solve (YᵀY + λI + Σ(c-1) y yᵀ) x = Σ c y; check the residual.
        int k = 3;
        float[] fixed = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1};
        double[] gram = ImplicitAls.gram(fixed, k);
        var solver = new ConjugateGradient(k, gram, 0.5, 2.0, 10);
        float[] target = new float[k];
        solver.solve(target, 0, fixed, new int[] {0, 3}, new float[] {1f, 2f}, 0, 2);
        // Confidences are 1 + 2·1 = 3 and 1 + 2·2 = 5, so b = 3·y0 + 5·y3 = (8, 5, 5).
        double[] b = {8, 5, 5};
        for (int a = 0; a < k; a++) {
            double sum = 0.5 * target[a];
            for (int c = 0; c < k; c++) {
                sum += gram[a * k + c] * target[c];
            }
            sum += 2.0 * 1 * dot(fixed, 0, target) * fixed[a];
            sum += 2.0 * 2 * dot(fixed, 9, target) * fixed[9 + a];
            assertThat(sum).isCloseTo(b[a], within(1e-4));
        }
    }

    private static double dot(float[] matrix, int base, float[] x) {
        double sum = 0;
        for (int f = 0; f < x.length; f++) {
            sum += matrix[base + f] * x[f];
        }
        return sum;
    }

    private static List<Interaction> blocks() {
        List<Interaction> interactions = new ArrayList<>();
        for (int user = 0; user < 40; user++) {
            int first = user < 20 ? 0 : 10;
            for (int item = first; item < first + 10; item++) {
                if (item != first + user % 10) {
                    interactions.add(Interaction.of(user, item));
                }
            }
        }
        return interactions;
    }
}
