package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

/**
 * Top-k items by dot product with a query vector, by one pass over the item matrix stored
 * factor-major ({@code byFactor[f * items + item]}). Row-major, each item's score is a sum of
 * {@code factors} products: a reduction the JIT leaves scalar. Factor-major, the pass is {@code
 * scores += query[f] * column f} for every factor, an element-wise loop the JIT vectorizes. Items go
 * in blocks whose scores stay in the L1 cache, and each block is selected from while it is there, so
 * a query allocates a 16 KB block and its answer, never a catalogue-sized array. Immutable and safe
 * for any number of threads.
 */
public final class DotProductIndex {

    private static final int BLOCK = 4_096;

    private final int factors;
    private final int items;
    private final float[] byFactor;

    private DotProductIndex(int factors, int items, float[] byFactor) {
        this.factors = factors;
        this.items = items;
        this.byFactor = byFactor;
    }

    /** An index over item vectors given row-major ({@code itemFactors[item * factors + f]}), copied. */
    public static DotProductIndex of(float[] itemFactors, int factors) {
        requireNonNull(itemFactors, "itemFactors is null");
        if (factors <= 0 || itemFactors.length % factors != 0) {
            throw new IllegalArgumentException("itemFactors must hold whole vectors of " + factors);
        }
        int items = itemFactors.length / factors;
        float[] byFactor = new float[itemFactors.length];
        for (int item = 0; item < items; item++) {
            for (int f = 0; f < factors; f++) {
                byFactor[f * items + item] = itemFactors[item * factors + f];
            }
        }
        return new DotProductIndex(factors, items, byFactor);
    }

    public int factors() {
        return factors;
    }

    public int items() {
        return items;
    }

    /**
     * The {@code k} items with the highest dot product with {@code query}, best first, never one of
     * {@code excludedAscending}; ties go to the lower index (as {@link TopK#select}).
     */
    public Ranked top(float[] query, int k, int[] excludedAscending) {
        requireNonNull(query, "query is null");
        requireNonNull(excludedAscending, "excludedAscending is null");
        if (query.length != factors) {
            throw new IllegalArgumentException("query must have " + factors + " factors, not " + query.length);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        return BlockTopK.select(
                items, BLOCK, k, excludedAscending, (start, length, out) -> scoreBlock(query, start, length, out));
    }

    /** Scores of items {@code [start, start + length)} into {@code out[0, length)}. */
    private void scoreBlock(float[] query, int start, int length, float[] out) {
        float first = query[0];
        for (int j = 0; j < length; j++) {
            out[j] = first * byFactor[start + j];
        }
        for (int f = 1; f < factors; f++) {
            float weight = query[f];
            int base = f * items + start;
            for (int j = 0; j < length; j++) {
                out[j] += weight * byFactor[base + j];
            }
        }
    }

    /**
     * Items best first with their scores.
     *
     * @param items item indices, best first
     * @param scores their dot products with the query
     */
    public record Ranked(int[] items, float[] scores) {

        public Ranked {
            requireNonNull(items, "items is null");
            requireNonNull(scores, "scores is null");
            if (items.length != scores.length) {
                throw new IllegalArgumentException("items and scores differ in length");
            }
        }
    }
}
