package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * "Bought together": for every item, its most significantly co-occurring items, counted over
 * users (optionally only over pairs close in time) and scored with a {@link Similarity}.
 *
 * <p>As a {@link Recommender} a user's score for item i is the sum of the similarities between i
 * and the items the user already has: plain item-based collaborative filtering.
 */
public final class ItemCoOccurrence implements Recommender {

    private final InteractionMatrix matrix;
    private final int[] start;
    private final int[] neighbours;
    private final float[] similarities;

    private ItemCoOccurrence(InteractionMatrix matrix, int[] start, int[] neighbours, float[] similarities) {
        this.matrix = matrix;
        this.start = start;
        this.neighbours = neighbours;
        this.similarities = similarities;
    }

    /** Counts co-occurrences in {@code matrix} and keeps the best neighbours of every item. */
    public static ItemCoOccurrence build(InteractionMatrix matrix, CoOccurrenceConfig config) {
        requireNonNull(matrix, "matrix is null");
        requireNonNull(config, "config is null");
        int items = matrix.itemCount();
        int[] start = new int[items + 1];
        int[][] rowNeighbours = new int[items][];
        float[][] rowSimilarities = new float[items][];
        var counter = new PairCounter(matrix, config.windowSeconds());
        float[] scores = new float[items];
        for (int item = 0; item < items; item++) {
            int[] best = bestNeighbours(matrix, config, counter, item, scores);
            rowNeighbours[item] = best;
            rowSimilarities[item] = gather(best, scores);
            start[item + 1] = start[item] + best.length;
        }
        return new ItemCoOccurrence(matrix, start, flatten(rowNeighbours, start), flatten(rowSimilarities, start));
    }

    /** Scores every co-occurring item into {@code scores} and returns the best, strongest first. */
    private static int[] bestNeighbours(
            InteractionMatrix matrix, CoOccurrenceConfig config, PairCounter counter, int item, float[] scores) {
        counter.countWith(item);
        int[] touched = counter.touched();
        Arrays.fill(scores, 0f);
        for (int other : touched) {
            int both = counter.count(other);
            if (both >= config.minCount()) {
                long first = matrix.userCountOf(item);
                long second = matrix.userCountOf(other);
                scores[other] =
                        (float) config.similarity().score(both, first, second, matrix.userCount(), config.shrinkage());
            }
        }
        int[] best = TopK.select(scores, Math.min(config.neighbours(), touched.length), new int[] {item});
        return positiveOnly(best, scores);
    }

    /** Up to {@code k} items most similar to {@code item}, best first. */
    public int[] similarItems(int item, int k) {
        int count = Math.min(k, start[item + 1] - start[item]);
        return Arrays.copyOfRange(neighbours, start[item], start[item] + count);
    }

    /** Similarity of {@code item} to its {@code rank}-th neighbour (0-based). */
    public float similarity(int item, int rank) {
        return similarities[start[item] + rank];
    }

    @Override
    public void score(int user, float[] scores) {
        Arrays.fill(scores, 0f);
        for (int p = matrix.userStart[user]; p < matrix.userStart[user + 1]; p++) {
            int item = matrix.userItems[p];
            for (int q = start[item]; q < start[item + 1]; q++) {
                scores[neighbours[q]] += similarities[q];
            }
        }
    }

    private static int[] positiveOnly(int[] ranked, float[] scores) {
        int kept = 0;
        while (kept < ranked.length && scores[ranked[kept]] > 0) {
            kept++;
        }
        return Arrays.copyOf(ranked, kept);
    }

    private static float[] gather(int[] indices, float[] scores) {
        float[] values = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = scores[indices[i]];
        }
        return values;
    }

    private static int[] flatten(int[][] rows, int[] start) {
        int[] flat = new int[start[rows.length]];
        for (int row = 0; row < rows.length; row++) {
            System.arraycopy(rows[row], 0, flat, start[row], rows[row].length);
        }
        return flat;
    }

    private static float[] flatten(float[][] rows, int[] start) {
        float[] flat = new float[start[rows.length]];
        for (int row = 0; row < rows.length; row++) {
            System.arraycopy(rows[row], 0, flat, start[row], rows[row].length);
        }
        return flat;
    }
}
