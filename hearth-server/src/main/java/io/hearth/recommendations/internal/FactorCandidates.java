package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.DotProductIndex;
import io.hearth.ml.recommend.QuantizedDotProductIndex;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The ALS top k of each shopper, kept for the life of one model version: it depends only on the
 * shopper's rows in that model, what they own and k, so a returning customer's slate skips the pass
 * over the item matrix. A new version starts empty; a new purchase changes what they own and so the
 * key.
 *
 * <p>A shopper with one row can also be answered from their row's best {@link #DEPTH} items, computed
 * for every row in the background once the version is served ({@link #precompute}): with 200,000
 * shoppers asking at random, most slates are a shopper's first of the version, and the pass was half
 * of such a slate's CPU. Those lists leave nothing out; what a request excludes is skipped when
 * reading them, and a request that would skip too many falls back to the pass.
 */
final class FactorCandidates {

    /** Best items kept per row: the 40 a slate of 10 asks for, with room for 24 of them to be owned. */
    static final int DEPTH = 64;

    private static final int CAPACITY = 50_000;

    /** Rows computed between two looks at whether the version is still served. */
    private static final int PRECOMPUTE_CHUNK = 256;

    private final QuantizedDotProductIndex index;
    private final float[] itemVectors;
    private final int factors;
    private final BoundedCache<Key, DotProductIndex.Ranked> kept = new BoundedCache<>(CAPACITY);
    private final AtomicReferenceArray<int[]> byRow;
    private final AtomicInteger precomputed = new AtomicInteger();

    FactorCandidates(QuantizedDotProductIndex index, float[] itemVectors, int users) {
        this.index = index;
        this.itemVectors = itemVectors;
        this.factors = index.factors();
        this.byRow = new AtomicReferenceArray<>(users);
    }

    DotProductIndex.Ranked top(int[] rows, float[] query, int k, int[] excludedAscending) {
        if (rows.length == 1) {
            DotProductIndex.Ranked listed = fromRow(rows[0], query, k, excludedAscending);
            if (listed != null) {
                return listed;
            }
        }
        Key key = new Key(rows.clone(), excludedAscending.clone(), k);
        DotProductIndex.Ranked known = kept.get(key);
        if (known == null) {
            known = index.top(query, k, excludedAscending);
            kept.put(key, known);
        }
        return known;
    }

    /**
     * Computes the best items of rows {@code 0 … limit-1} that have no list yet, stopping early once
     * {@code superseded} says the version is no longer served. Answers how many rows it filled.
     */
    int precompute(float[] userVectors, int limit, BooleanSupplier superseded) {
        int filled = 0;
        int rows = Math.min(limit, byRow.length());
        for (int from = 0; from < rows && !superseded.getAsBoolean(); from += PRECOMPUTE_CHUNK) {
            int to = Math.min(rows, from + PRECOMPUTE_CHUNK);
            DotProductIndex.Ranked[] best =
                    index.topAll(Arrays.copyOfRange(userVectors, from * factors, to * factors), DEPTH);
            for (int row = from; row < to; row++) {
                if (byRow.compareAndSet(row, null, best[row - from].items())) {
                    precomputed.incrementAndGet();
                    filled++;
                }
            }
        }
        return filled;
    }

    /** Rows whose best items are listed. */
    int precomputed() {
        return precomputed.get();
    }

    /** The row's listed items not excluded, scored exactly; null when unlisted or too few are left. */
    private DotProductIndex.@Nullable Ranked fromRow(int row, float[] query, int k, int[] excludedAscending) {
        if (row < 0 || row >= byRow.length()) {
            return null;
        }
        int[] listed = byRow.get(row);
        if (listed == null) {
            return null;
        }
        int[] items = new int[Math.min(k, listed.length)];
        int found = 0;
        for (int i = 0; i < listed.length && found < items.length; i++) {
            if (Arrays.binarySearch(excludedAscending, listed[i]) < 0) {
                items[found++] = listed[i];
            }
        }
        // a full list that ran out may hide better items past its end; a short one is the whole catalogue
        if (found < k && listed.length == DEPTH) {
            return null;
        }
        items = Arrays.copyOf(items, found);
        float[] scores = new float[found];
        for (int i = 0; i < found; i++) {
            scores[i] = dot(query, items[i]);
        }
        return new DotProductIndex.Ranked(items, scores);
    }

    private float dot(float[] query, int item) {
        float sum = 0;
        int offset = item * factors;
        for (int i = 0; i < factors; i++) {
            sum += query[i] * itemVectors[offset + i];
        }
        return sum;
    }

    private record Key(int[] rows, int[] excluded, int k) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that
                    && k == that.k
                    && Arrays.equals(rows, that.rows)
                    && Arrays.equals(excluded, that.excluded);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(rows) + Arrays.hashCode(excluded)) + k;
        }

        @Override
        public String toString() {
            return "Key" + Arrays.toString(rows);
        }
    }
}
