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
        boolean[] recommendedOnce = new boolean[train.itemCount()];
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        int users = 0;
        for (int user = 0; user < relevant.length; user++) {
            if (relevant[user].length == 0) {
                continue;
            }
            recommender.score(user, scores);
            int[] top = TopK.select(scores, k, train.itemsOf(user));
            int[] topIds = new int[top.length];
            for (int rank = 0; rank < top.length; rank++) {
                recommendedOnce[top[rank]] = true;
                topIds[rank] = train.items().idAt(top[rank]);
            }
            precision += RankingMetrics.precision(topIds, relevant[user], k);
            recall += RankingMetrics.recall(topIds, relevant[user], k);
            ndcg += RankingMetrics.ndcg(topIds, relevant[user], k);
            map += RankingMetrics.averagePrecision(topIds, relevant[user], k);
            users++;
        }
        double coverage = (double) count(recommendedOnce) / Math.max(1, train.itemCount());
        int n = Math.max(1, users);
        return new EvaluationReport(users, k, precision / n, recall / n, ndcg / n, map / n, coverage);
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

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            if (flag) {
                count++;
            }
        }
        return count;
    }
}
