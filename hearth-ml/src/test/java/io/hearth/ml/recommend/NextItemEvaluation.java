package io.hearth.ml.recommend;

import java.util.Arrays;
import java.util.List;

/**
 * The SR-GNN evaluation protocol: every prefix of every test session predicts the item that
 * follows it; HR@k counts the targets found in the top k, MRR@k averages 1/rank (0 beyond k).
 * Viewed items are not excluded, since visitors do return to items.
 */
final class NextItemEvaluation {

    private NextItemEvaluation() {}

    /** Scores every item id of {@code items} for a session prefix given as item ids. */
    @FunctionalInterface
    interface SessionScorer {
        void score(int[] prefix, float[] scores);
    }

    record Result(int predictions, double hitRate, double mrr) {}

    static Result evaluate(List<int[]> testSessions, IdIndex items, SessionScorer scorer, int k) {
        float[] scores = new float[items.size()];
        int predictions = 0;
        double hits = 0;
        double reciprocalRanks = 0;
        for (int[] session : testSessions) {
            for (int length = 1; length < session.length; length++) {
                scorer.score(Arrays.copyOf(session, length), scores);
                int[] top = TopK.select(scores, k, new int[0]);
                int target = items.indexOf(session[length]);
                for (int rank = 0; rank < top.length; rank++) {
                    if (top[rank] == target) {
                        hits++;
                        reciprocalRanks += 1.0 / (rank + 1);
                        break;
                    }
                }
                predictions++;
            }
        }
        return new Result(predictions, hits / predictions, reciprocalRanks / predictions);
    }
}
