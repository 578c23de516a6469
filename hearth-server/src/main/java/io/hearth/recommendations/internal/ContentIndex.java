package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.DotProductIndex;
import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.QuantizedDotProductIndex;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Products' text embeddings by dense item index, for "more like this" and for cold items: unit
 * vectors, so a dot product is the cosine. Items without a description have a zero row and are
 * never answered. An item's neighbours cost one pass over every vector (about 8 ms for 50,000
 * products, over an 8-bit copy of them), so they are computed on first use and kept: slates ask
 * about the same popular products over and over. Immutable but for that cache, which only ever holds what a pass would answer.
 */
final class ContentIndex {

    /** Neighbours kept per item: enough for the largest slate's overfetch. */
    static final int NEIGHBOURS = 200;

    /**
     * Below this cosine two descriptions are not "like" each other: with all-MiniLM-L6-v2, unrelated
     * short product texts ("Dark roast espresso beans. coffee" and "Green tea. tea") still score
     * 0.2–0.4, related ones ("Espresso beans. coffee", "Dripper. coffee-gear") 0.45–0.8.
     */
    static final float MIN_SIMILARITY = 0.4f;

    private final int dimension;
    private final boolean[] described;
    private final int count;
    private final @Nullable QuantizedDotProductIndex search;
    private final AtomicReferenceArray<DotProductIndex.Ranked> neighbours;

    private ContentIndex(int dimension, boolean[] described, @Nullable QuantizedDotProductIndex search) {
        this.dimension = dimension;
        this.described = described;
        int withText = 0;
        for (boolean has : described) {
            withText += has ? 1 : 0;
        }
        this.count = withText;
        this.search = search;
        this.neighbours = new AtomicReferenceArray<>(described.length);
    }

    static ContentIndex empty(int items) {
        return new ContentIndex(0, new boolean[items], null);
    }

    /** Length of each vector, 0 when no item is described. */
    int dimension() {
        return dimension;
    }

    /** Which items have a vector; read, never written. */
    boolean[] described() {
        return described;
    }

    /**
     * The {@link #NEIGHBOURS} described items most like a described item (none for the others), best
     * first, at least {@link #MIN_SIMILARITY} alike.
     */
    DotProductIndex.Ranked neighbours(int item) {
        DotProductIndex.Ranked known = neighbours.get(item);
        if (known == null) {
            known = has(item)
                    ? nearest(vector(item), NEIGHBOURS, new int[] {item})
                    : new DotProductIndex.Ranked(new int[0], new float[0]);
            neighbours.set(item, known);
        }
        return known;
    }

    /** From one vector or {@code null} per item, all of one length; vectors are normalised here. */
    static ContentIndex of(float[][] byItem) {
        int dimension = Arrays.stream(byItem)
                .filter(v -> v != null && v.length > 0)
                .mapToInt(v -> v.length)
                .findFirst()
                .orElse(0);
        if (dimension == 0) {
            return empty(byItem.length);
        }
        float[] vectors = new float[byItem.length * dimension];
        boolean[] described = new boolean[byItem.length];
        for (int item = 0; item < byItem.length; item++) {
            float[] vector = byItem[item];
            if (vector != null && vector.length == dimension) {
                described[item] = normalise(vector, vectors, item * dimension);
            }
        }
        return new ContentIndex(dimension, described, QuantizedDotProductIndex.of(vectors, dimension));
    }

    /** Described items; asked on every product page, so counted once. */
    int count() {
        return count;
    }

    boolean has(int item) {
        return item >= 0 && item < described.length && described[item];
    }

    /** A copy of the item's unit vector; call only for a described item. */
    float[] vector(int item) {
        return search == null ? new float[0] : search.vector(item);
    }

    /**
     * The described items nearest the query, best first, at least {@link #MIN_SIMILARITY} alike,
     * none of {@code excludedAscending}.
     */
    DotProductIndex.Ranked nearest(float[] query, int k, int[] excludedAscending) {
        if (search == null || k <= 0) {
            return new DotProductIndex.Ranked(new int[0], new float[0]);
        }
        DotProductIndex.Ranked ranked = search.top(query, k, excludedAscending);
        int kept = 0;
        int[] items = new int[ranked.items().length];
        float[] scores = new float[items.length];
        for (int rank = 0; rank < items.length; rank++) {
            int item = ranked.items()[rank];
            if (described[item] && ranked.scores()[rank] >= MIN_SIMILARITY) {
                items[kept] = item;
                scores[kept++] = ranked.scores()[rank];
            }
        }
        return new DotProductIndex.Ranked(Arrays.copyOf(items, kept), Arrays.copyOf(scores, kept));
    }

    /**
     * A copy of the factors in which each cold item (described, nobody interacted with it) gets the
     * similarity-weighted mean of the factors of its {@code neighbours} most alike warm items: a new
     * product reaches the shoppers who like products described like it before anyone buys it.
     */
    FactorModel withColdItems(FactorModel model, int[] coldItems, int neighbours) {
        int[] coldAscending = Arrays.stream(coldItems).sorted().distinct().toArray();
        int factors = model.factors();
        float[] items = model.itemFactors();
        for (int item : coldItems) {
            if (!has(item)) {
                continue;
            }
            DotProductIndex.Ranked near = nearest(vector(item), neighbours, coldAscending);
            float[] mean = new float[factors];
            float total = 0;
            for (int rank = 0; rank < near.items().length; rank++) {
                float weight = near.scores()[rank];
                total += weight;
                int other = near.items()[rank];
                for (int f = 0; f < factors; f++) {
                    mean[f] += weight * items[other * factors + f];
                }
            }
            for (int f = 0; total > 0 && f < factors; f++) {
                items[item * factors + f] = mean[f] / total;
            }
        }
        return FactorModel.of(factors, model.userFactors(), items);
    }

    private static boolean normalise(float[] vector, float[] into, int offset) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm == 0 || !Double.isFinite(norm)) {
            return false;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            into[offset + d] = vector[d] * scale;
        }
        return true;
    }
}
