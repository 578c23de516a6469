package io.hearth.ml.recommend;

/** A bounded min-heap on (score, then higher index worse) of item and score pairs. */
final class ScoreHeap {

    private final int[] items;
    private final float[] scores;
    private int size;

    ScoreHeap(int capacity) {
        this.items = new int[capacity];
        this.scores = new float[capacity];
    }

    boolean full() {
        return size == items.length;
    }

    float worstScore() {
        return scores[0];
    }

    void offer(int item, float score) {
        if (size < items.length) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
            return;
        }
        if (items.length > 0 && worse(items[0], scores[0], item, score)) {
            items[0] = item;
            scores[0] = score;
            siftDown(0, size);
        }
    }

    DotProductIndex.Ranked drain() {
        int[] rankedItems = new int[size];
        float[] rankedScores = new float[size];
        for (int remaining = size; remaining > 0; remaining--) {
            rankedItems[remaining - 1] = items[0];
            rankedScores[remaining - 1] = scores[0];
            move(remaining - 1, 0);
            siftDown(0, remaining - 1);
        }
        size = 0;
        return new DotProductIndex.Ranked(rankedItems, rankedScores);
    }

    /** Whether the first pair ranks below the second. */
    private static boolean worse(int item, float score, int otherItem, float otherScore) {
        return score < otherScore || (score == otherScore && item > otherItem);
    }

    private boolean worseAt(int a, int b) {
        return worse(items[a], scores[a], items[b], scores[b]);
    }

    private void siftUp(int position) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!worseAt(child, parent)) {
                return;
            }
            swap(parent, child);
            child = parent;
        }
    }

    private void siftDown(int position, int length) {
        int parent = position;
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < length && worseAt(left, worst)) {
                worst = left;
            }
            if (right < length && worseAt(right, worst)) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(parent, worst);
            parent = worst;
        }
    }

    private void move(int from, int to) {
        items[to] = items[from];
        scores[to] = scores[from];
    }

    private void swap(int a, int b) {
        int item = items[a];
        float score = scores[a];
        items[a] = items[b];
        scores[a] = scores[b];
        items[b] = item;
        scores[b] = score;
    }
}
