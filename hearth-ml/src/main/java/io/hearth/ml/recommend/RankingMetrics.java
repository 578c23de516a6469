package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Per-user ranking metrics with binary relevance, following the definitions of the Microsoft
 * Recommenders library used for its MovieLens benchmark table.
 *
 * <p>{@code recommended} is a ranked list (best first, at most k long); {@code relevantAscending}
 * is the sorted set of items the user actually chose in the test period.
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** Hits in the top k divided by k (not by the list length: short lists are penalised). */
    public static double precision(int[] recommended, int[] relevantAscending, int k) {
        return (double) hits(recommended, relevantAscending, k) / k;
    }

    /** Hits in the top k divided by the number of relevant items. */
    public static double recall(int[] recommended, int[] relevantAscending, int k) {
        requireRelevant(relevantAscending);
        return (double) hits(recommended, relevantAscending, k) / relevantAscending.length;
    }

    /**
     * DCG with gain 1 per hit and discount log2(1 + rank), divided by the DCG of an ideal list
     * that puts min(|relevant|, k) hits first.
     */
    public static double ndcg(int[] recommended, int[] relevantAscending, int k) {
        requireRelevant(relevantAscending);
        double dcg = 0;
        int limit = Math.min(k, recommended.length);
        for (int rank = 1; rank <= limit; rank++) {
            if (isRelevant(recommended[rank - 1], relevantAscending)) {
                dcg += discount(rank);
            }
        }
        double ideal = 0;
        for (int rank = 1; rank <= Math.min(k, relevantAscending.length); rank++) {
            ideal += discount(rank);
        }
        return dcg / ideal;
    }

    /**
     * Average precision at k normalised by the number of relevant items (not by min(|relevant|,
     * k)): the sum over hits of precision at the hit's rank, over |relevant|.
     */
    public static double averagePrecision(int[] recommended, int[] relevantAscending, int k) {
        requireRelevant(relevantAscending);
        double sum = 0;
        int hits = 0;
        int limit = Math.min(k, recommended.length);
        for (int rank = 1; rank <= limit; rank++) {
            if (isRelevant(recommended[rank - 1], relevantAscending)) {
                hits++;
                sum += (double) hits / rank;
            }
        }
        return sum / relevantAscending.length;
    }

    private static int hits(int[] recommended, int[] relevantAscending, int k) {
        requireNonNull(recommended, "recommended is null");
        requireNonNull(relevantAscending, "relevantAscending is null");
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        int hits = 0;
        for (int rank = 0; rank < Math.min(k, recommended.length); rank++) {
            if (isRelevant(recommended[rank], relevantAscending)) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean isRelevant(int item, int[] relevantAscending) {
        return Arrays.binarySearch(relevantAscending, item) >= 0;
    }

    private static double discount(int rank) {
        return 1 / (Math.log(1 + rank) / Math.log(2));
    }

    private static void requireRelevant(int[] relevantAscending) {
        requireNonNull(relevantAscending, "relevantAscending is null");
        if (relevantAscending.length == 0) {
            throw new IllegalArgumentException("a user without relevant items cannot be scored");
        }
    }
}
