package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * A weighted sum of several recommenders trained on the same matrix, each standardised per user
 * (mean 0, standard deviation 1 over the catalogue) so that weights, not score scales, decide how
 * much a component counts. Learn the weights with {@link BlendWeights#learn}.
 *
 * <p>{@link #slate} never returns a short list: what the blend cannot fill comes from popularity
 * and then from the catalogue (see {@link FallbackChain}). Safe for concurrent use when the
 * components are (every shipped one is).
 */
public final class Blend implements Recommender {

    private final List<Recommender> components;
    private final double[] weights;
    private final int itemCount;

    private Blend(List<Recommender> components, double[] weights, int itemCount) {
        this.components = components;
        this.weights = weights;
        this.itemCount = itemCount;
    }

    /**
     * Blends {@code components} with {@code weights} (one per component, non-negative, not all 0)
     * over a catalogue of {@code itemCount} items.
     */
    public static Blend of(List<Recommender> components, double[] weights, int itemCount) {
        requireNonNull(components, "components is null");
        requireNonNull(weights, "weights is null");
        if (components.size() != weights.length || components.isEmpty()) {
            throw new IllegalArgumentException("one weight per component is needed");
        }
        double total = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + Arrays.toString(weights));
            }
            total += weight;
        }
        if (total == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        return new Blend(List.copyOf(components), weights.clone(), itemCount);
    }

    /** The weights, one per component, in component order. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public void score(int user, float[] scores) {
        Arrays.fill(scores, 0f);
        float[] component = new float[scores.length];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c] > 0) {
                components.get(c).score(user, component);
                addStandardised(component, weights[c], scores);
            }
        }
    }

    /** Adds {@code weight * (x - mean) / sd} of every entry of {@code component} to {@code sum}. */
    static void addStandardised(float[] component, double weight, float[] sum) {
        double mean = 0;
        for (float value : component) {
            mean += value;
        }
        mean /= component.length;
        double squares = 0;
        for (float value : component) {
            squares += (value - mean) * (value - mean);
        }
        double deviation = Math.sqrt(squares / component.length);
        if (deviation == 0) {
            return;
        }
        double scale = weight / deviation;
        for (int i = 0; i < component.length; i++) {
            sum[i] += (float) ((component[i] - mean) * scale);
        }
    }

    /**
     * A full slate of {@code n} items for {@code user} (-1 for a visitor unknown to the training
     * matrix), never one in {@code excludedAscending}: the blend's best first, then {@code
     * popularity}'s, then catalogue order. Shorter only when the catalogue minus the excluded
     * items is.
     */
    public Slate slate(int user, int n, int[] excludedAscending, DecayedPopularity popularity) {
        requireNonNull(excludedAscending, "excludedAscending is null");
        requireNonNull(popularity, "popularity is null");
        int[] popular = popularity.top(Math.min(itemCount, n + excludedAscending.length));
        if (user < 0) {
            return FallbackChain.fill(n, itemCount, excludedAscending, List.of(new int[0], popular));
        }
        float[] scores = new float[itemCount];
        score(user, scores);
        int[] blended = TopK.select(scores, n, excludedAscending);
        return FallbackChain.fill(n, itemCount, excludedAscending, List.of(blended, popular));
    }
}
