package io.hearth.ml.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The standardised component scores of every validation user, kept only for the union of each
 * component's top candidates, so that trying one weight vector costs a pass over small arrays
 * instead of re-scoring the catalogue.
 */
final class BlendCandidates {

    private final int[][] candidates;
    /** Per user, component-major: {@code scores[user][c * candidates + i]}. */
    private final float[][] scores;

    private final int[][] relevant;

    private BlendCandidates(int[][] candidates, float[][] scores, int[][] relevant) {
        this.candidates = candidates;
        this.scores = scores;
        this.relevant = relevant;
    }

    static BlendCandidates collect(
            InteractionMatrix train,
            List<Interaction> validation,
            List<Recommender> components,
            int maxUsers,
            int perComponent) {
        int[][] relevantByUser = relevantByUser(train, validation);
        int[] users = sample(relevantByUser, maxUsers);
        int[][] candidates = new int[users.length][];
        float[][] scores = new float[users.length][];
        int[][] relevant = new int[users.length][];
        float[][] standardised = new float[components.size()][train.itemCount()];
        for (int u = 0; u < users.length; u++) {
            int user = users[u];
            int[] seen = train.itemsOf(user);
            int[] union = new int[0];
            for (int c = 0; c < components.size(); c++) {
                components.get(c).score(user, standardised[c]);
                standardise(standardised[c]);
                union = merge(union, TopK.select(standardised[c], perComponent, seen));
            }
            candidates[u] = union;
            scores[u] = gather(standardised, union);
            relevant[u] = relevantByUser[user];
        }
        return new BlendCandidates(candidates, scores, relevant);
    }

    /** Mean nDCG@k over the validation users of the blend with {@code weights}. */
    double ndcg(double[] weights, int k) {
        double sum = 0;
        for (int u = 0; u < candidates.length; u++) {
            int size = candidates[u].length;
            float[] blended = new float[size];
            for (int c = 0; c < weights.length; c++) {
                float weight = (float) weights[c];
                for (int i = 0; i < size; i++) {
                    blended[i] += weight * scores[u][c * size + i];
                }
            }
            int[] top = TopK.select(blended, k, new int[0]);
            for (int i = 0; i < top.length; i++) {
                top[i] = candidates[u][top[i]];
            }
            sum += RankingMetrics.ndcg(top, relevant[u], k);
        }
        return sum / Math.max(1, candidates.length);
    }

    private static void standardise(float[] values) {
        float[] copy = values.clone();
        Arrays.fill(values, 0f);
        Blend.addStandardised(copy, 1, values);
    }

    private static float[] gather(float[][] byComponent, int[] items) {
        float[] gathered = new float[byComponent.length * items.length];
        for (int c = 0; c < byComponent.length; c++) {
            for (int i = 0; i < items.length; i++) {
                gathered[c * items.length + i] = byComponent[c][items[i]];
            }
        }
        return gathered;
    }

    private static int[] merge(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    /** Every user with relevant items when there are at most {@code max}, else an even spread. */
    private static int[] sample(int[][] relevant, int max) {
        int[] users = IntStream.range(0, relevant.length)
                .filter(user -> relevant[user].length > 0)
                .toArray();
        if (users.length <= max) {
            return users;
        }
        int[] spread = new int[max];
        for (int i = 0; i < max; i++) {
            spread[i] = users[(int) ((long) i * users.length / max)];
        }
        return spread;
    }

    /** Dense validation items per dense training user, ascending, minus the user's training items. */
    private static int[][] relevantByUser(InteractionMatrix train, List<Interaction> validation) {
        int[][] relevant = new int[train.userCount()][];
        Arrays.setAll(relevant, user -> new int[0]);
        int[] counts = new int[train.userCount()];
        int[][] buffers = new int[train.userCount()][];
        for (Interaction interaction : validation) {
            int user = train.users().indexOf(interaction.userId());
            int item = train.items().indexOf(interaction.itemId());
            if (user >= 0 && item >= 0) {
                int[] buffer = buffers[user] == null ? new int[4] : buffers[user];
                buffers[user] = counts[user] == buffer.length ? Arrays.copyOf(buffer, 2 * buffer.length) : buffer;
                buffers[user][counts[user]++] = item;
            }
        }
        for (int user = 0; user < relevant.length; user++) {
            if (buffers[user] != null) {
                int[] seen = train.itemsOf(user);
                relevant[user] = Arrays.stream(buffers[user], 0, counts[user])
                        .filter(item -> Arrays.binarySearch(seen, item) < 0)
                        .sorted()
                        .distinct()
                        .toArray();
            }
        }
        return relevant;
    }
}
