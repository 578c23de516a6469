package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Learned latent factors: user and item vectors in flat row-major arrays, so that one vector is a
 * contiguous run of {@code factors} floats.
 *
 * <p>For scoring, the item factors are also kept factor-major (all items' first factor, then all
 * items' second, …): scoring a user then streams through memory once, adding {@code u[f] *
 * column f} to every item's score, a loop the JIT turns into SIMD instructions, where a dot product
 * per item is a sequential float reduction it cannot vectorise. Scores are summed in the same
 * order either way, so they are bit for bit those of the per-item dot products.
 */
public final class FactorModel implements Recommender {

    private final int factors;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemFactorsByFactor;

    FactorModel(int factors, float[] userFactors, float[] itemFactors) {
        this.factors = factors;
        this.userFactors = requireNonNull(userFactors, "userFactors is null");
        this.itemFactors = requireNonNull(itemFactors, "itemFactors is null");
        this.itemFactorsByFactor = transpose(itemFactors, factors);
    }

    private static float[] transpose(float[] rowMajor, int factors) {
        int items = rowMajor.length / factors;
        float[] byFactor = new float[rowMajor.length];
        for (int item = 0; item < items; item++) {
            for (int f = 0; f < factors; f++) {
                byFactor[f * items + item] = rowMajor[item * factors + f];
            }
        }
        return byFactor;
    }

    /**
     * Rebuilds a model from stored factors, for example after loading them from a database; the
     * arrays are copied.
     */
    public static FactorModel of(int factors, float[] userFactors, float[] itemFactors) {
        requireNonNull(userFactors, "userFactors is null");
        requireNonNull(itemFactors, "itemFactors is null");
        if (factors <= 0 || userFactors.length % factors != 0 || itemFactors.length % factors != 0) {
            throw new IllegalArgumentException("factor arrays must hold whole vectors of " + factors);
        }
        return new FactorModel(factors, userFactors.clone(), itemFactors.clone());
    }

    /** A copy of all user vectors, row-major. */
    public float[] userFactors() {
        return userFactors.clone();
    }

    /** A copy of all item vectors, row-major. */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    public int factors() {
        return factors;
    }

    public int userCount() {
        return userFactors.length / factors;
    }

    public int itemCount() {
        return itemFactors.length / factors;
    }

    /** A copy of the vector of {@code user}. */
    public float[] userVector(int user) {
        return Arrays.copyOfRange(userFactors, user * factors, (user + 1) * factors);
    }

    /** A copy of the vector of {@code item}. */
    public float[] itemVector(int item) {
        return Arrays.copyOfRange(itemFactors, item * factors, (item + 1) * factors);
    }

    @Override
    public void score(int user, float[] scores) {
        int userBase = user * factors;
        int items = itemCount();
        Arrays.fill(scores, 0, items, 0f);
        for (int f = 0; f < factors; f++) {
            float weight = userFactors[userBase + f];
            int column = f * items;
            for (int item = 0; item < items; item++) {
                scores[item] += weight * itemFactorsByFactor[column + item];
            }
        }
    }

    /** The {@code k} best items for {@code user}, best first, never one of {@code seenAscending}. */
    public int[] recommend(int user, int k, int[] seenAscending) {
        float[] scores = new float[itemCount()];
        score(user, scores);
        return TopK.select(scores, k, seenAscending);
    }
}
