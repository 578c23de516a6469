package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

/**
 * Selects the k best-scored items with a bounded min-heap: O(n log k) time, O(k) memory, which
 * beats sorting the whole catalogue when k is small.
 */
public final class TopK {

    private TopK() {}

    /**
     * Indices of the {@code k} highest scores, best first, skipping the indices in {@code
     * excludedAscending}. Ties go to the lower index so that results are reproducible.
     */
    public static int[] select(float[] scores, int k, int[] excludedAscending) {
        requireNonNull(scores, "scores is null");
        requireNonNull(excludedAscending, "excludedAscending is null");
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        int[] heap = new int[k];
        int size = 0;
        int nextExcluded = 0;
        for (int item = 0; item < scores.length; item++) {
            while (nextExcluded < excludedAscending.length && excludedAscending[nextExcluded] < item) {
                nextExcluded++;
            }
            if (nextExcluded < excludedAscending.length && excludedAscending[nextExcluded] == item) {
                continue;
            }
            if (size < k) {
                heap[size] = item;
                siftUp(heap, size++, scores);
            } else if (k > 0 && better(item, heap[0], scores)) {
                heap[0] = item;
                siftDown(heap, size, scores);
            }
        }
        return drain(heap, size, scores);
    }

    /** Whether item {@code a} ranks above item {@code b}. */
    private static boolean better(int a, int b, float[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int position, float[] scores) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!better(heap[parent], heap[child], scores)) {
                return;
            }
            swap(heap, parent, child);
            child = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        int parent = 0;
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(heap, parent, worst);
            parent = worst;
        }
    }

    private static int[] drain(int[] heap, int size, float[] scores) {
        int[] ranked = new int[size];
        for (int remaining = size; remaining > 0; remaining--) {
            ranked[remaining - 1] = heap[0];
            heap[0] = heap[remaining - 1];
            siftDown(heap, remaining - 1, scores);
        }
        return ranked;
    }

    private static void swap(int[] heap, int a, int b) {
        int held = heap[a];
        heap[a] = heap[b];
        heap[b] = held;
    }
}
