package io.hearth.ml.clv;

import java.util.Arrays;

/** Dense BFGS approximation of an inverse Hessian, small enough for a handful of parameters. */
final class InverseHessian {

    private final double[][] matrix;
    private boolean identity;

    InverseHessian(int dimension) {
        matrix = new double[dimension][dimension];
        reset();
    }

    boolean isIdentity() {
        return identity;
    }

    void reset() {
        for (int i = 0; i < matrix.length; i++) {
            Arrays.fill(matrix[i], 0.0);
            matrix[i][i] = 1.0;
        }
        identity = true;
    }

    /** Returns {@code -H g}, falling back to steepest descent when H has lost positive definiteness. */
    double[] descentDirection(double[] gradient) {
        double[] direction = multiply(gradient);
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -direction[i];
        }
        if (!identity && WolfeLineSearch.dot(direction, gradient) >= 0) {
            reset();
            return descentDirection(gradient);
        }
        return direction;
    }

    /** BFGS update from a step; skipped when the curvature condition fails, to stay positive definite. */
    void update(double[] fromPoint, double[] toPoint, double[] fromGradient, double[] toGradient) {
        int n = matrix.length;
        double[] step = new double[n];
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = toPoint[i] - fromPoint[i];
            change[i] = toGradient[i] - fromGradient[i];
        }
        double curvature = WolfeLineSearch.dot(step, change);
        double changeSquared = WolfeLineSearch.dot(change, change);
        if (!(curvature > 1e-12 * Math.sqrt(WolfeLineSearch.dot(step, step) * changeSquared))) {
            return;
        }
        if (identity) {
            // Shanno-Phua scaling gives the first matrix the right order of magnitude.
            scale(curvature / changeSquared);
        }
        double rho = 1.0 / curvature;
        double[] hessianChange = multiply(change);
        double factor = rho * rho * WolfeLineSearch.dot(change, hessianChange) + rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix[i][j] +=
                        factor * step[i] * step[j] - rho * (hessianChange[i] * step[j] + step[i] * hessianChange[j]);
            }
        }
        identity = false;
    }

    private void scale(double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    private double[] multiply(double[] vector) {
        double[] product = new double[vector.length];
        for (int i = 0; i < matrix.length; i++) {
            product[i] = WolfeLineSearch.dot(matrix[i], vector);
        }
        return product;
    }
}
