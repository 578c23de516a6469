package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * EASE (Steck 2019): a linear item-to-item model B with a zero diagonal that reconstructs each
 * user's row, fitted in closed form: with P = (XᵀX + λI)⁻¹, B_ij = -P_ij / P_jj.
 *
 * <p>It needs an items×items dense inverse, O(n³) time and O(n²) memory, so it suits catalogues
 * of a few thousand items; beyond that use {@link ImplicitAls}.
 */
public final class Ease implements Recommender {

    private final InteractionMatrix matrix;
    private final float[] weights;

    private Ease(InteractionMatrix matrix, float[] weights) {
        this.matrix = matrix;
        this.weights = weights;
    }

    /** Fits on the binarised {@code matrix} with L2 penalty {@code lambda}. */
    public static Ease train(InteractionMatrix matrix, double lambda) {
        requireNonNull(matrix, "matrix is null");
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive: " + lambda);
        }
        int n = matrix.itemCount();
        double[] gram = binaryGram(matrix);
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda;
        }
        double[] inverse = SymmetricInverse.invert(gram, n);
        float[] weights = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i * n + j] = i == j ? 0f : (float) (-inverse[i * n + j] / inverse[j * n + j]);
            }
        }
        return new Ease(matrix, weights);
    }

    /** XᵀX of the 0/1 matrix: co-occurrence counts, item occurrence counts on the diagonal. */
    private static double[] binaryGram(InteractionMatrix matrix) {
        int n = matrix.itemCount();
        double[] gram = new double[n * n];
        for (int user = 0; user < matrix.userCount(); user++) {
            for (int p = matrix.userStart[user]; p < matrix.userStart[user + 1]; p++) {
                int row = matrix.userItems[p] * n;
                for (int q = matrix.userStart[user]; q < matrix.userStart[user + 1]; q++) {
                    gram[row + matrix.userItems[q]] += 1;
                }
            }
        }
        return gram;
    }

    @Override
    public void score(int user, float[] scores) {
        int n = matrix.itemCount();
        Arrays.fill(scores, 0f);
        for (int p = matrix.userStart[user]; p < matrix.userStart[user + 1]; p++) {
            int row = matrix.userItems[p] * n;
            for (int j = 0; j < n; j++) {
                scores[j] += weights[row + j];
            }
        }
    }
}
