package io.hearth.ml.bandit;

import java.util.random.RandomGenerator;

/**
 * Bayesian linear regression of one arm's reward on the context: precision {@code B = λI + Σ x·xᵀ},
 * {@code f = Σ r·x}, posterior mean {@code μ = B⁻¹f}. A Thompson draw is {@code θ ~ N(μ, v²·B⁻¹)}.
 */
final class ArmModel {

    private final double[][] precision;
    private final double[] rewardSum;
    private long pulls;
    private Cholesky factor;

    ArmModel(int dimensions, double priorPrecision) {
        precision = new double[dimensions][dimensions];
        for (int i = 0; i < dimensions; i++) {
            precision[i][i] = priorPrecision;
        }
        rewardSum = new double[dimensions];
        factor = new Cholesky(precision);
    }

    void update(double[] context, double reward) {
        for (int i = 0; i < context.length; i++) {
            rewardSum[i] += reward * context[i];
            for (int j = 0; j < context.length; j++) {
                precision[i][j] += context[i] * context[j];
            }
        }
        pulls++;
        factor = new Cholesky(precision);
    }

    /** A reward drawn from the posterior for this context. */
    double sample(double[] context, double scale, RandomGenerator random) {
        double[] mean = factor.solve(rewardSum);
        double[] z = new double[mean.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        double[] noise = factor.backward(z);
        double value = 0;
        for (int i = 0; i < context.length; i++) {
            value += context[i] * (mean[i] + scale * noise[i]);
        }
        return value;
    }

    /** The posterior mean reward for this context. */
    double expected(double[] context) {
        double[] mean = factor.solve(rewardSum);
        double value = 0;
        for (int i = 0; i < context.length; i++) {
            value += context[i] * mean[i];
        }
        return value;
    }

    long pulls() {
        return pulls;
    }
}
