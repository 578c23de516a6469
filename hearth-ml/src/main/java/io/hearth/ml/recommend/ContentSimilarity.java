package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Cosine similarity between item vectors (text embeddings, one-hot attributes, anything float):
 * "more like this", a content {@link Recommender}, and factors for cold items that nobody has
 * bought yet.
 *
 * <p>Item {@code i} here is dense item {@code i} of the caller's matrix: build the matrix over an
 * {@link IdIndex} of the whole catalogue so that cold items have an index too. Vectors are
 * normalised once; items without a vector score 0 and are never similar to anything. Immutable.
 */
public final class ContentSimilarity {

    private final int dimension;
    private final float[] unit;
    private final boolean[] present;

    private ContentSimilarity(int dimension, float[] unit, boolean[] present) {
        this.dimension = dimension;
        this.unit = unit;
        this.present = present;
    }

    /**
     * One vector per item, all of one length; a {@code null} or empty entry, or an all-zero
     * vector, means the item has none.
     */
    public static ContentSimilarity of(float[][] vectorsByItem) {
        requireNonNull(vectorsByItem, "vectorsByItem is null");
        int dimension = Arrays.stream(vectorsByItem)
                .filter(v -> v != null && v.length > 0)
                .mapToInt(v -> v.length)
                .findFirst()
                .orElse(1);
        float[] unit = new float[vectorsByItem.length * dimension];
        boolean[] present = new boolean[vectorsByItem.length];
        for (int item = 0; item < vectorsByItem.length; item++) {
            float[] vector = vectorsByItem[item];
            if (vector == null || vector.length == 0) {
                continue;
            }
            if (vector.length != dimension) {
                throw new IllegalArgumentException(
                        "vector of item " + item + " has " + vector.length + " dimensions, expected " + dimension);
            }
            present[item] = normalise(vector, unit, item * dimension);
        }
        return new ContentSimilarity(dimension, unit, present);
    }

    private static boolean normalise(float[] vector, float[] into, int offset) {
        double norm = 0;
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("vectors must be finite");
            }
            norm += value * value;
        }
        if (norm == 0) {
            return false;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            into[offset + d] = vector[d] * scale;
        }
        return true;
    }

    public int itemCount() {
        return present.length;
    }

    public boolean hasVector(int item) {
        return present[item];
    }

    /** Cosine of items {@code a} and {@code b}; 0 when either has no vector. */
    public float similarity(int a, int b) {
        return dot(a * dimension, unit, b * dimension);
    }

    /** The {@code k} items most similar to {@code item}, best first; empty when it has no vector. */
    public int[] similarItems(int item, int k) {
        if (!present[item]) {
            return new int[0];
        }
        return moreLikeThis(Arrays.copyOfRange(unit, item * dimension, (item + 1) * dimension), k, new int[] {item});
    }

    /**
     * The {@code k} items closest to {@code query} (a vector of the same dimension, say the
     * embedding of a search phrase or of a session's items), best first, none in {@code
     * excludedAscending} and none without a vector.
     */
    public int[] moreLikeThis(float[] query, int k, int[] excludedAscending) {
        requireNonNull(query, "query is null");
        requireNonNull(excludedAscending, "excludedAscending is null");
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, expected " + dimension);
        }
        float[] scores = new float[present.length];
        for (int item = 0; item < present.length; item++) {
            scores[item] = present[item] ? dot(0, query, item * dimension) : Float.NEGATIVE_INFINITY;
        }
        int[] top = TopK.select(scores, k, excludedAscending);
        int kept = 0;
        while (kept < top.length && present[top[kept]]) {
            kept++;
        }
        return Arrays.copyOf(top, kept);
    }

    /**
     * A recommender over {@code matrix} (items indexed as here) that scores each item by the
     * cosine between it and the sum of the unit vectors of what the user already has.
     */
    public Recommender recommender(InteractionMatrix matrix) {
        requireNonNull(matrix, "matrix is null");
        if (matrix.itemCount() != present.length) {
            throw new IllegalArgumentException(
                    "matrix has " + matrix.itemCount() + " items, vectors " + present.length);
        }
        return (user, scores) -> {
            float[] profile = new float[dimension];
            for (int item : matrix.itemsOf(user)) {
                for (int d = 0; d < dimension; d++) {
                    profile[d] += unit[item * dimension + d];
                }
            }
            for (int item = 0; item < present.length; item++) {
                scores[item] = dot(0, profile, item * dimension);
            }
        };
    }

    private float dot(int offset, float[] vector, int unitOffset) {
        float sum = 0;
        for (int d = 0; d < dimension; d++) {
            sum += vector[offset + d] * unit[unitOffset + d];
        }
        return sum;
    }

    /**
     * A copy of {@code model} in which every item of {@code coldItems} gets the similarity-weighted
     * mean of the factors of its {@code neighbours} most similar items that are not cold: so a new
     * product can be recommended to the people who like products like it before anyone buys it.
     * Cold items without a vector, or without a positively similar warm item, keep their factors.
     */
    public FactorModel withColdItems(FactorModel model, int[] coldItems, int neighbours) {
        requireNonNull(model, "model is null");
        requireNonNull(coldItems, "coldItems is null");
        int[] cold = Arrays.stream(coldItems).sorted().distinct().toArray();
        int factors = model.factors();
        float[] items = model.itemFactors();
        for (int item : cold) {
            if (!present[item]) {
                continue;
            }
            int[] near =
                    moreLikeThis(Arrays.copyOfRange(unit, item * dimension, (item + 1) * dimension), neighbours, cold);
            float[] mean = new float[factors];
            float total = 0;
            for (int other : near) {
                float weight = similarity(item, other);
                if (weight > 0) {
                    total += weight;
                    for (int f = 0; f < factors; f++) {
                        mean[f] += weight * items[other * factors + f];
                    }
                }
            }
            for (int f = 0; total > 0 && f < factors; f++) {
                items[item * factors + f] = mean[f] / total;
            }
        }
        return FactorModel.of(factors, model.userFactors(), items);
    }
}
