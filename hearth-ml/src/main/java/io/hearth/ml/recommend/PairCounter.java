package io.hearth.ml.recommend;

import java.util.Arrays;

/**
 * Counts, for one anchor item at a time, how many users also have each other item, optionally
 * only when the two interactions lie within a time window. Uses one dense counter array and a
 * list of touched entries, so memory stays O(items) however many pairs there are.
 */
final class PairCounter {

    private final InteractionMatrix matrix;
    private final long windowSeconds;
    private final int[] counts;
    private final int[] touched;
    private int touchedSize;

    PairCounter(InteractionMatrix matrix, long windowSeconds) {
        this.matrix = matrix;
        this.windowSeconds = windowSeconds;
        this.counts = new int[matrix.itemCount()];
        this.touched = new int[matrix.itemCount()];
    }

    /** Recounts for {@code anchor}; the previous anchor's counts are forgotten. */
    void countWith(int anchor) {
        for (int i = 0; i < touchedSize; i++) {
            counts[touched[i]] = 0;
        }
        touchedSize = 0;
        for (int p = matrix.itemStart[anchor]; p < matrix.itemStart[anchor + 1]; p++) {
            int user = matrix.itemUsers[p];
            long anchorTime = timeOf(user, anchor);
            for (int q = matrix.userStart[user]; q < matrix.userStart[user + 1]; q++) {
                int other = matrix.userItems[q];
                if (other != anchor && withinWindow(anchorTime, matrix.userTimes[q])) {
                    if (counts[other]++ == 0) {
                        touched[touchedSize++] = other;
                    }
                }
            }
        }
    }

    int[] touched() {
        int[] copy = Arrays.copyOf(touched, touchedSize);
        Arrays.sort(copy);
        return copy;
    }

    int count(int item) {
        return counts[item];
    }

    private boolean withinWindow(long anchorTime, long otherTime) {
        return windowSeconds == 0 || Math.abs(otherTime - anchorTime) <= windowSeconds;
    }

    private long timeOf(int user, int item) {
        int from = matrix.userStart[user];
        int to = matrix.userStart[user + 1];
        int position = Arrays.binarySearch(matrix.userItems, from, to, item);
        return matrix.userTimes[position];
    }
}
