package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Blend weights learned on a validation split: coordinate ascent over a grid of weights, each
 * candidate scored by nDCG@k on held-out interactions of the users of {@code train}.
 *
 * <p>Fit the components on the data before a cut, pass what came after as {@code validation},
 * then refit the components on everything and combine them with {@link Blend#of} and these
 * weights: the weights carry over because the blend standardises every component per user.
 *
 * @param weights one per component, summing to 1
 * @param validationNdcg nDCG@k the weights reached on the validation users
 */
public record BlendWeights(double[] weights, double validationNdcg) {

    /** Candidate values per weight; coarse on purpose, since finer grids overfit small shops. */
    private static final double[] GRID = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1};

    private static final int PASSES = 3;

    /** Users evaluated per candidate: beyond a few thousand the choice no longer changes. */
    private static final int MAX_USERS = 3000;

    public BlendWeights {
        requireNonNull(weights, "weights is null");
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Learns weights for {@code components}, all trained on {@code train}, from {@code
     * validation} (interactions after the training period; unknown users and items are ignored).
     */
    public static BlendWeights learn(
            InteractionMatrix train, List<Interaction> validation, List<Recommender> components, int k) {
        requireNonNull(train, "train is null");
        requireNonNull(validation, "validation is null");
        requireNonNull(components, "components is null");
        if (components.isEmpty() || k <= 0) {
            throw new IllegalArgumentException("components must not be empty and k must be positive");
        }
        var candidates = BlendCandidates.collect(train, validation, components, MAX_USERS, 10 * k);
        double[] weights = bestSingle(candidates, components.size(), k);
        double best = candidates.ndcg(weights, k);
        for (int pass = 0; pass < PASSES; pass++) {
            boolean improved = false;
            for (int c = 0; c < weights.length; c++) {
                double kept = weights[c];
                for (double value : GRID) {
                    weights[c] = value;
                    double ndcg = isZero(weights) ? -1 : candidates.ndcg(weights, k);
                    if (ndcg > best + 1e-9) {
                        best = ndcg;
                        kept = value;
                        improved = true;
                    }
                }
                weights[c] = kept;
            }
            if (!improved) {
                break;
            }
        }
        return new BlendWeights(normalised(weights), best);
    }

    private static double[] bestSingle(BlendCandidates candidates, int count, int k) {
        double[] best = null;
        double bestNdcg = -1;
        for (int c = 0; c < count; c++) {
            double[] single = new double[count];
            single[c] = 1;
            double ndcg = candidates.ndcg(single, k);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = single;
            }
        }
        return best;
    }

    private static boolean isZero(double[] weights) {
        return Arrays.stream(weights).allMatch(weight -> weight == 0);
    }

    private static double[] normalised(double[] weights) {
        double total = Arrays.stream(weights).sum();
        return Arrays.stream(weights).map(weight -> weight / total).toArray();
    }
}
