package io.hearth.ml.bandit;

/** Cholesky factor of a small symmetric positive-definite matrix, and the solves it makes cheap. */
final class Cholesky {

    private final double[][] lower;

    /** Factors {@code a = L·Lᵀ}; {@code a} must be symmetric positive definite. */
    Cholesky(double[][] a) {
        int n = a.length;
        lower = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new IllegalArgumentException("matrix is not positive definite");
                    }
                    lower[i][i] = Math.sqrt(sum);
                } else {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }
    }

    /** x with L·Lᵀ·x = b. */
    double[] solve(double[] b) {
        return backward(forward(b));
    }

    /** y with Lᵀ·y = z: for z standard normal, y is normal with covariance (L·Lᵀ)⁻¹. */
    double[] backward(double[] z) {
        int n = z.length;
        double[] y = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k][i] * y[k];
            }
            y[i] = sum / lower[i][i];
        }
        return y;
    }

    private double[] forward(double[] b) {
        int n = b.length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[i][k] * w[k];
            }
            w[i] = sum / lower[i][i];
        }
        return w;
    }
}
