package io.hearth.ml.recommend;

/**
 * Solves one row of an implicit-ALS half-step approximately with a few conjugate-gradient steps,
 * warm-started from the row's current factors (Takács, Pilászy &amp; Tikk 2011).
 *
 * <p>For a user u with fixed item factors Y the normal equations are {@code (YᵀY + λI + Σᵢ (cᵤᵢ -
 * 1) yᵢ yᵢᵀ) x = Σᵢ cᵤᵢ yᵢ}, the sums running over the items u touched only. The dense part YᵀY is
 * shared by all rows, so each matrix-vector product costs O(k² + nᵤ·k) and the k×k system is never
 * formed or factorised. One instance holds scratch space and must be used by one thread at a time.
 */
final class ConjugateGradient {

    private static final double CONVERGED = 1e-12;

    private final int factors;
    private final double[] gram;
    private final double regularization;
    private final double alpha;
    private final int steps;
    private final double[] x;
    private final double[] residual;
    private final double[] direction;
    private final double[] product;

    ConjugateGradient(int factors, double[] gram, double regularization, double alpha, int steps) {
        this.factors = factors;
        this.gram = gram;
        this.regularization = regularization;
        this.alpha = alpha;
        this.steps = steps;
        this.x = new double[factors];
        this.residual = new double[factors];
        this.direction = new double[factors];
        this.product = new double[factors];
    }

    /** Refines {@code target[row]} in place against the fixed side {@code fixed}. */
    void solve(float[] target, int row, float[] fixed, int[] columns, float[] values, int from, int to) {
        int offset = row * factors;
        for (int f = 0; f < factors; f++) {
            x[f] = target[offset + f];
        }
        initialResidual(fixed, columns, values, from, to);
        System.arraycopy(residual, 0, direction, 0, factors);
        double residualNorm = dot(residual, residual);
        for (int step = 0; step < steps && residualNorm > CONVERGED; step++) {
            multiply(direction, fixed, columns, values, from, to);
            double stepSize = residualNorm / dot(direction, product);
            for (int f = 0; f < factors; f++) {
                x[f] += stepSize * direction[f];
                residual[f] -= stepSize * product[f];
            }
            double nextNorm = dot(residual, residual);
            double beta = nextNorm / residualNorm;
            for (int f = 0; f < factors; f++) {
                direction[f] = residual[f] + beta * direction[f];
            }
            residualNorm = nextNorm;
        }
        for (int f = 0; f < factors; f++) {
            target[offset + f] = (float) x[f];
        }
    }

    /** residual = b - A x, with b = Σ c·y and A x = (G + λI) x + Σ (c - 1)(y·x) y. */
    private void initialResidual(float[] fixed, int[] columns, float[] values, int from, int to) {
        denseProduct(x, residual);
        for (int f = 0; f < factors; f++) {
            residual[f] = -residual[f];
        }
        for (int p = from; p < to; p++) {
            double confidence = 1 + alpha * values[p];
            int base = columns[p] * factors;
            double coefficient = confidence - (confidence - 1) * dotRow(fixed, base, x);
            addRow(residual, coefficient, fixed, base);
        }
    }

    /** product = A v. */
    private void multiply(double[] v, float[] fixed, int[] columns, float[] values, int from, int to) {
        denseProduct(v, product);
        for (int p = from; p < to; p++) {
            int base = columns[p] * factors;
            double coefficient = alpha * values[p] * dotRow(fixed, base, v);
            addRow(product, coefficient, fixed, base);
        }
    }

    /** out = (G + λI) v. */
    private void denseProduct(double[] v, double[] out) {
        for (int a = 0; a < factors; a++) {
            double sum = regularization * v[a];
            int base = a * factors;
            for (int b = 0; b < factors; b++) {
                sum += gram[base + b] * v[b];
            }
            out[a] = sum;
        }
    }

    private double dotRow(float[] matrix, int base, double[] v) {
        double sum = 0;
        for (int f = 0; f < factors; f++) {
            sum += matrix[base + f] * v[f];
        }
        return sum;
    }

    private void addRow(double[] accumulator, double coefficient, float[] matrix, int base) {
        for (int f = 0; f < factors; f++) {
            accumulator[f] += coefficient * matrix[base + f];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
