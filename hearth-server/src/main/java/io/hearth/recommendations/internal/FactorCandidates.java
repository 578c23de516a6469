package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.DotProductIndex;
import io.hearth.ml.recommend.QuantizedDotProductIndex;
import java.util.Arrays;

/**
 * The ALS top k of each shopper, kept for the life of one model version: it depends only on the
 * shopper's rows in that model, what they own and k, so a returning customer's slate skips the pass
 * over the item matrix (a third of a remembered customer's CPU). A new version starts empty; a new
 * purchase changes what they own and so the key.
 */
final class FactorCandidates {

    private static final int CAPACITY = 50_000;

    private final QuantizedDotProductIndex index;
    private final BoundedCache<Key, DotProductIndex.Ranked> kept = new BoundedCache<>(CAPACITY);

    FactorCandidates(QuantizedDotProductIndex index) {
        this.index = index;
    }

    DotProductIndex.Ranked top(int[] rows, float[] query, int k, int[] excludedAscending) {
        Key key = new Key(rows.clone(), excludedAscending.clone(), k);
        DotProductIndex.Ranked known = kept.get(key);
        if (known == null) {
            known = index.top(query, k, excludedAscending);
            kept.put(key, known);
        }
        return known;
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
