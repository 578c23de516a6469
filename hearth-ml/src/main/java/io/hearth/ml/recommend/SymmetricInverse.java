package io.hearth.ml.recommend;

/**
 * Inverse of a dense symmetric positive-definite matrix via Cholesky: A = L Lᵀ, M = L⁻¹, A⁻¹ =
 * Mᵀ M. Every inner loop runs along a row of a row-major array, which is what keeps an n³
 * algorithm tolerable in plain Java.
 */
final class SymmetricInverse {

    private SymmetricInverse() {}

    /** Returns A⁻¹ for the n×n row-major {@code matrix}; {@code matrix} is overwritten. */
    static double[] invert(double[] matrix, int n) {
        choleskyInPlace(matrix, n);
        double[] inverseFactor = invertLower(matrix, n);
        return gramOfRows(inverseFactor, n);
    }

    /** Overwrites the lower triangle with L (Cholesky–Banachiewicz, row by row). */
    private static void choleskyInPlace(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            for (int j = 0; j <= i; j++) {
                int rowJ = j * n;
                double sum = a[rowI + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[rowI + k] * a[rowJ + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("matrix is not positive definite at row " + i);
                    }
                    a[rowI + i] = Math.sqrt(sum);
                } else {
                    a[rowI + j] = sum / a[rowJ + j];
                }
            }
        }
    }

    /** M = L⁻¹, from L M = I: row i of M is (eᵢ - Σ_{k<i} L_ik M_k) / L_ii. */
    private static double[] invertLower(double[] lower, int n) {
        double[] inverse = new double[n * n];
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            inverse[rowI + i] = 1;
            for (int k = 0; k < i; k++) {
                double factor = lower[rowI + k];
                int rowK = k * n;
                for (int j = 0; j <= k; j++) {
                    inverse[rowI + j] -= factor * inverse[rowK + j];
                }
            }
            double diagonal = lower[rowI + i];
            for (int j = 0; j <= i; j++) {
                inverse[rowI + j] /= diagonal;
            }
        }
        return inverse;
    }

    /** Mᵀ M as a sum of rank-one updates M_k M_kᵀ over the rows of lower-triangular M. */
    private static double[] gramOfRows(double[] lower, int n) {
        double[] result = new double[n * n];
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            for (int i = 0; i <= k; i++) {
                double factor = lower[rowK + i];
                int rowI = i * n;
                for (int j = 0; j <= i; j++) {
                    result[rowI + j] += factor * lower[rowK + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                result[i * n + j] = result[j * n + i];
            }
        }
        return result;
    }
}
