package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Implicit-feedback alternating least squares (Hu, Koren &amp; Volinsky 2008) with conjugate-gradient
 * half-steps.
 *
 * <p>Every observed cell is a positive preference with confidence {@code 1 + alpha * weight};
 * every unobserved cell is a zero preference with confidence 1. Rows of a half-step are solved
 * independently, so the result depends only on the seed, never on the thread count.
 */
public final class ImplicitAls {

    /** Rows per task: small enough to balance threads, large enough to amortise scheduling. */
    private static final int CHUNK = 64;

    private ImplicitAls() {}

    /** Fits a model to {@code matrix}. */
    public static FactorModel train(InteractionMatrix matrix, AlsConfig config) {
        requireNonNull(matrix, "matrix is null");
        requireNonNull(config, "config is null");
        int k = config.factors();
        Random random = new Random(config.seed());
        float[] users = randomFactors(matrix.userCount() * k, random);
        float[] items = randomFactors(matrix.itemCount() * k, random);
        var byUser = new Side(matrix.userStart, matrix.userItems, matrix.userValues);
        var byItem = new Side(matrix.itemStart, matrix.itemUsers, matrix.itemValues);
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            for (int iteration = 0; iteration < config.iterations(); iteration++) {
                halfStep(pool, config, users, items, byUser);
                halfStep(pool, config, items, users, byItem);
            }
        } finally {
            pool.shutdownNow();
        }
        return new FactorModel(k, users, items);
    }

    /** The CSR view that drives one half-step. */
    private record Side(int[] start, int[] columns, float[] values) {
        Side {
            requireNonNull(start, "start is null");
            requireNonNull(columns, "columns is null");
            requireNonNull(values, "values is null");
        }
    }

    private static float[] randomFactors(int length, Random random) {
        float[] factors = new float[length];
        for (int i = 0; i < length; i++) {
            factors[i] = (float) (random.nextGaussian() * 0.01);
        }
        return factors;
    }

    private static void halfStep(ExecutorService pool, AlsConfig config, float[] target, float[] fixed, Side side) {
        int k = config.factors();
        double[] gram = gram(fixed, k);
        int rows = side.start().length - 1;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int from = 0; from < rows; from += CHUNK) {
            int first = from;
            int last = Math.min(rows, from + CHUNK);
            tasks.add(() -> {
                var solver = new ConjugateGradient(k, gram, config.regularization(), config.alpha(), config.cgSteps());
                for (int row = first; row < last; row++) {
                    solver.solve(
                            target,
                            row,
                            fixed,
                            side.columns(),
                            side.values(),
                            side.start()[row],
                            side.start()[row + 1]);
                }
                return null;
            });
        }
        runAll(pool, tasks);
    }

    /** YᵀY, accumulated in double so that large catalogues do not lose precision. */
    static double[] gram(float[] fixed, int k) {
        double[] gram = new double[k * k];
        int rows = fixed.length / k;
        for (int row = 0; row < rows; row++) {
            int base = row * k;
            for (int a = 0; a < k; a++) {
                double value = fixed[base + a];
                int gramBase = a * k;
                for (int b = a; b < k; b++) {
                    gram[gramBase + b] += value * fixed[base + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * k + b] = gram[b * k + a];
            }
        }
        return gram;
    }

    private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ALS training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ALS half-step failed", e.getCause());
        }
    }
}
