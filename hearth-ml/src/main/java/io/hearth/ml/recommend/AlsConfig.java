package io.hearth.ml.recommend;

/**
 * Hyper-parameters of {@link ImplicitAls}.
 *
 * @param factors latent dimension
 * @param regularization L2 penalty on every factor vector
 * @param alpha confidence slope: confidence is {@code 1 + alpha * weight}
 * @param iterations alternating sweeps (one user half-step plus one item half-step each)
 * @param cgSteps conjugate-gradient steps per vector and half-step
 * @param threads worker threads for the half-steps
 * @param seed seed of the initial factors
 */
public record AlsConfig(
        int factors, double regularization, double alpha, int iterations, int cgSteps, int threads, long seed) {

    public AlsConfig {
        requirePositive(factors, "factors");
        requirePositive(iterations, "iterations");
        requirePositive(cgSteps, "cgSteps");
        requirePositive(threads, "threads");
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and >= 0: " + regularization);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0: " + alpha);
        }
    }

    /** Defaults that work on small catalogues, using every available processor. */
    public static AlsConfig defaults() {
        return new AlsConfig(64, 0.1, 10.0, 15, 3, Runtime.getRuntime().availableProcessors(), 42L);
    }

    public AlsConfig withFactors(int value) {
        return new AlsConfig(value, regularization, alpha, iterations, cgSteps, threads, seed);
    }

    public AlsConfig withRegularization(double value) {
        return new AlsConfig(factors, value, alpha, iterations, cgSteps, threads, seed);
    }

    public AlsConfig withAlpha(double value) {
        return new AlsConfig(factors, regularization, value, iterations, cgSteps, threads, seed);
    }

    public AlsConfig withIterations(int value) {
        return new AlsConfig(factors, regularization, alpha, value, cgSteps, threads, seed);
    }

    public AlsConfig withCgSteps(int value) {
        return new AlsConfig(factors, regularization, alpha, iterations, value, threads, seed);
    }

    public AlsConfig withThreads(int value) {
        return new AlsConfig(factors, regularization, alpha, iterations, cgSteps, value, seed);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
