package io.hearth.ml.recommend;

/**
 * The top of a pass that scores items a block at a time: each block's scores stay in the L1 cache
 * while the best are picked from them, and only the answer is allocated besides the block.
 */
final class BlockTopK {

    /** Writes the scores of items {@code [start, start + length)} into {@code out[0, length)}. */
    @FunctionalInterface
    interface BlockScorer {
        void score(int start, int length, float[] out);
    }

    private BlockTopK() {}

    /**
     * The {@code kept} best of {@code items} items by the scorer's scores, best first, none of {@code
     * excludedAscending}; ties go to the lower index.
     */
    static DotProductIndex.Ranked select(
            int items, int blockSize, int kept, int[] excludedAscending, BlockScorer scorer) {
        ScoreHeap heap = new ScoreHeap(Math.min(kept, items));
        float[] block = new float[Math.min(blockSize, Math.max(1, items))];
        int nextExcluded = 0;
        for (int start = 0; start < items && kept > 0; start += blockSize) {
            int length = Math.min(blockSize, items - start);
            scorer.score(start, length, block);
            for (int j = 0; j < length; j++) {
                float score = block[j];
                // Items arrive in ascending order, so an equal score never beats what the heap holds.
                if (heap.full() && !(score > heap.worstScore())) {
                    continue;
                }
                int item = start + j;
                while (nextExcluded < excludedAscending.length && excludedAscending[nextExcluded] < item) {
                    nextExcluded++;
                }
                if (nextExcluded < excludedAscending.length && excludedAscending[nextExcluded] == item) {
                    continue;
                }
                heap.offer(item, score);
            }
        }
        return heap.drain();
    }
}
