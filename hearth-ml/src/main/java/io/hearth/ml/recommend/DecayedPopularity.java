package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Item popularity where every buyer counts {@code 2^(-age / halfLife)}: recent demand outweighs
 * old demand, so seasonal items fade once their season is over. Quantities are ignored on
 * purpose so that one bulk buyer cannot make an item look popular.
 */
public final class DecayedPopularity implements Recommender {

    private final float[] popularity;

    private DecayedPopularity(float[] popularity) {
        this.popularity = popularity;
    }

    /**
     * Scores every item of {@code matrix} as seen at {@code nowEpochSecond}; pass {@code
     * Double.POSITIVE_INFINITY} as {@code halfLifeDays} for plain counts.
     */
    public static DecayedPopularity build(InteractionMatrix matrix, double halfLifeDays, long nowEpochSecond) {
        requireNonNull(matrix, "matrix is null");
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be positive: " + halfLifeDays);
        }
        double decayPerSecond = Math.log(2) / (halfLifeDays * 86_400);
        float[] popularity = new float[matrix.itemCount()];
        for (int item = 0; item < popularity.length; item++) {
            double sum = 0;
            for (int p = matrix.itemStart[item]; p < matrix.itemStart[item + 1]; p++) {
                long age = Math.max(0, nowEpochSecond - matrix.itemTimes[p]);
                sum += Math.exp(-decayPerSecond * age);
            }
            popularity[item] = (float) sum;
        }
        return new DecayedPopularity(popularity);
    }

    /** Decayed popularity of {@code item}. */
    public float popularity(int item) {
        return popularity[item];
    }

    /** The {@code k} most popular items, best first. */
    public int[] top(int k) {
        return TopK.select(popularity, k, new int[0]);
    }

    /** The {@code k} most popular items whose {@code categoryOfItem} entry is {@code category}. */
    public int[] topInCategory(int[] categoryOfItem, int category, int k) {
        requireNonNull(categoryOfItem, "categoryOfItem is null");
        int excluded = 0;
        int[] others = new int[popularity.length];
        for (int item = 0; item < popularity.length; item++) {
            if (categoryOfItem[item] != category) {
                others[excluded++] = item;
            }
        }
        return TopK.select(popularity, k, Arrays.copyOf(others, excluded));
    }

    @Override
    public void score(int user, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, popularity.length);
    }
}
