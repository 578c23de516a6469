package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Learned latent factors: user and item vectors in flat row-major arrays, so that one vector is a
 * contiguous run of {@code factors} floats.
 */
public final class FactorModel implements Recommender {

    private final int factors;
    private final float[] userFactors;
    private final float[] itemFactors;

    FactorModel(int factors, float[] userFactors, float[] itemFactors) {
        this.factors = factors;
        this.userFactors = requireNonNull(userFactors, "userFactors is null");
        this.itemFactors = requireNonNull(itemFactors, "itemFactors is null");
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
        for (int item = 0; item < items; item++) {
            int itemBase = item * factors;
            float sum = 0;
            for (int f = 0; f < factors; f++) {
                sum += userFactors[userBase + f] * itemFactors[itemBase + f];
            }
            scores[item] = sum;
        }
    }

    /** The {@code k} best items for {@code user}, best first, never one of {@code seenAscending}. */
    public int[] recommend(int user, int k, int[] seenAscending) {
        float[] scores = new float[itemCount()];
        score(user, scores);
        return TopK.select(scores, k, seenAscending);
    }
}
