package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Offline evaluation harness: recommends k items to every test user known to the training matrix,
 * never an item the user already has in training, and averages the {@link RankingMetrics}.
 *
 * <p>As in the Microsoft Recommenders benchmark, relevant test items that the model cannot know
 * (absent from training) still count in the denominators, and test users absent from training are
 * skipped.
 */
public final class RankingEvaluation {

    private RankingEvaluation() {}

    /** Evaluates {@code recommender}, trained on {@code train}, against {@code test}. */
    public static EvaluationReport evaluate(
            InteractionMatrix train, List<Interaction> test, Recommender recommender, int k) {
        requireNonNull(train, "train is null");
        requireNonNull(test, "test is null");
        requireNonNull(recommender, "recommender is null");
        int[][] relevant = relevantByUser(train, test);
        float[] scores = new float[train.itemCount()];
        var totals = new Totals(train.itemCount(), k);
        for (int user = 0; user < relevant.length; user++) {
            if (relevant[user].length > 0) {
                recommender.score(user, scores);
                int[] top = TopK.select(scores, k, train.itemsOf(user));
                totals.add(top, toIds(top, train.items()), relevant[user]);
            }
        }
        return totals.report();
    }

    private static int[] toIds(int[] indices, IdIndex index) {
        int[] ids = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            ids[i] = index.idAt(indices[i]);
        }
        return ids;
    }

    /** Running sums of the per-user metrics plus the set of items ever recommended. */
    private static final class Totals {
        private final boolean[] recommended;
        private final int k;
        private double precision;
        private double recall;
        private double ndcg;
        private double map;
        private int users;

        Totals(int itemCount, int k) {
            this.recommended = new boolean[itemCount];
            this.k = k;
        }

        void add(int[] top, int[] topIds, int[] relevant) {
            for (int item : top) {
                recommended[item] = true;
            }
            precision += RankingMetrics.precision(topIds, relevant, k);
            recall += RankingMetrics.recall(topIds, relevant, k);
            ndcg += RankingMetrics.ndcg(topIds, relevant, k);
            map += RankingMetrics.averagePrecision(topIds, relevant, k);
            users++;
        }

        EvaluationReport report() {
            int distinct = 0;
            for (boolean flag : recommended) {
                distinct += flag ? 1 : 0;
            }
            double coverage = (double) distinct / Math.max(1, recommended.length);
            int n = Math.max(1, users);
            return new EvaluationReport(users, k, precision / n, recall / n, ndcg / n, map / n, coverage);
        }
    }

    /** Distinct external test item ids per dense training user, ascending. */
    private static int[][] relevantByUser(InteractionMatrix train, List<Interaction> test) {
        int[] counts = new int[train.userCount()];
        for (Interaction interaction : test) {
            int user = train.users().indexOf(interaction.userId());
            if (user >= 0) {
                counts[user]++;
            }
        }
        int[][] relevant = new int[train.userCount()][];
        for (int user = 0; user < relevant.length; user++) {
            relevant[user] = new int[counts[user]];
            counts[user] = 0;
        }
        for (Interaction interaction : test) {
            int user = train.users().indexOf(interaction.userId());
            if (user >= 0) {
                relevant[user][counts[user]++] = interaction.itemId();
            }
        }
        for (int user = 0; user < relevant.length; user++) {
            relevant[user] = Arrays.stream(relevant[user]).sorted().distinct().toArray();
        }
        return relevant;
    }
}
