package io.hearth.ml.recommend;

/**
 * Ranking quality of one recommender on one test set, averaged over the evaluated users.
 *
 * @param users users that were in both the training and the test set
 * @param k length of each recommendation list
 * @param precision mean Precision@k
 * @param recall mean Recall@k
 * @param ndcg mean nDCG@k
 * @param map mean average precision at k (normalised by the number of relevant items)
 * @param coverage distinct recommended items over catalogue size
 */
public record EvaluationReport(
        int users, int k, double precision, double recall, double ndcg, double map, double coverage) {

    public EvaluationReport {
        if (users < 0 || k <= 0) {
            throw new IllegalArgumentException("users must be >= 0 and k > 0: " + users + ", " + k);
        }
    }
}
