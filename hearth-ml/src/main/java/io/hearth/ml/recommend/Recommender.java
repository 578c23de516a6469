package io.hearth.ml.recommend;

/**
 * Anything that can score every catalogue item for a user of the training matrix.
 *
 * <p>Scores are only compared within one user, so they need not be calibrated.
 */
@FunctionalInterface
public interface Recommender {

    /**
     * Writes one score per item (dense item index of the training matrix) into {@code scores};
     * higher means more likely to be wanted.
     */
    void score(int user, float[] scores);

    /** The {@code k} best items for {@code user}, best first, never one already in {@code train}. */
    default int[] recommend(InteractionMatrix train, int user, int k) {
        float[] scores = new float[train.itemCount()];
        score(user, scores);
        return TopK.select(scores, k, train.itemsOf(user));
    }
}
