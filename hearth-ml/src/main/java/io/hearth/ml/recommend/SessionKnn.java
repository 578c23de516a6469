package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Next-item recommendation for an anonymous visitor from the items viewed so far in the session:
 * V-SKNN (Ludewig &amp; Jannach 2018), session-based k-nearest neighbours with a position-decayed
 * current session.
 *
 * <p>The current session's item at position p of m weighs p/m, so the latest view counts most. A
 * past session's similarity is the sum of the weights of the items it shares with the current
 * one (each optionally damped by the item's inverse session frequency); the {@code neighbours}
 * most similar of the {@code sampleSize} most recent candidate sessions vote for their items with
 * their similarity. Nothing is trained beyond an inverted index, so new sessions can be added by
 * rebuilding, and a request reacts to every view at once.
 *
 * <p>Immutable and safe for concurrent use: each call allocates its own scratch space.
 */
public final class SessionKnn {

    private final IdIndex items;
    private final SessionKnnConfig config;
    /** Items of every past session (dense, distinct), sessions in time order. */
    private final int[] sessionStart;

    private final int[] sessionItems;
    /** For every item the sessions containing it, ascending, so the last ones are the most recent. */
    private final int[] itemStart;

    private final int[] itemSessions;
    private final float[] itemWeight;

    private SessionKnn(IdIndex items, SessionKnnConfig config, SparseRows bySession, SparseRows byItem) {
        this.items = items;
        this.config = config;
        this.sessionStart = bySession.start();
        this.sessionItems = bySession.columns();
        this.itemStart = byItem.start();
        this.itemSessions = byItem.columns();
        this.itemWeight = inverseFrequencies(byItem, bySession.start().length - 1, config.inverseFrequency());
    }

    /**
     * Indexes {@code sessions}: each is the external item ids viewed in one session in view order,
     * and the list runs from the oldest session to the newest.
     */
    public static SessionKnn build(List<int[]> sessions, SessionKnnConfig config) {
        requireNonNull(sessions, "sessions is null");
        requireNonNull(config, "config is null");
        IdIndex items =
                IdIndex.of(sessions.stream().flatMapToInt(Arrays::stream).toArray());
        SparseRows bySession = SessionRows.of(sessions, items);
        return new SessionKnn(items, config, bySession, bySession.transpose(items.size()));
    }

    private static float[] inverseFrequencies(SparseRows byItem, int sessionCount, boolean enabled) {
        float[] weights = new float[byItem.start().length - 1];
        for (int item = 0; item < weights.length; item++) {
            int frequency = byItem.start()[item + 1] - byItem.start()[item];
            weights[item] = enabled ? (float) Math.log((double) (sessionCount + 1) / (frequency + 1)) + 1f : 1f;
        }
        return weights;
    }

    /** The external item ids known to the index. */
    public IdIndex items() {
        return items;
    }

    /**
     * Writes a score for every indexed item (dense index of {@link #items()}) into {@code scores},
     * given the external ids the visitor viewed, oldest first; unknown ids are ignored.
     */
    public void score(int[] viewedItemIds, float[] scores) {
        requireNonNull(viewedItemIds, "viewedItemIds is null");
        Arrays.fill(scores, 0f);
        float[] weights = positionWeights(viewedItemIds);
        int[] candidates = recentCandidates(weights);
        float[] similarity = new float[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            similarity[c] = overlap(candidates[c], weights);
        }
        int[] nearest = TopK.select(similarity, config.neighbours(), new int[0]);
        for (int c : nearest) {
            int session = candidates[c];
            for (int p = sessionStart[session]; p < sessionStart[session + 1]; p++) {
                scores[sessionItems[p]] += similarity[c];
            }
        }
    }

    /**
     * The {@code n} best next items as external ids, best first, none of them already viewed;
     * fewer when the session shares nothing with the history (fill from popularity then).
     */
    public int[] recommend(int[] viewedItemIds, int n) {
        float[] scores = new float[items.size()];
        score(viewedItemIds, scores);
        int[] viewed = Arrays.stream(viewedItemIds)
                .map(items::indexOf)
                .filter(index -> index >= 0)
                .sorted()
                .distinct()
                .toArray();
        int[] top = TopK.select(scores, n, viewed);
        int kept = 0;
        while (kept < top.length && scores[top[kept]] > 0) {
            kept++;
        }
        return Arrays.stream(top, 0, kept).map(items::idAt).toArray();
    }

    /** Weight per dense item of the current session: position p of m weighs p/m, keeping the maximum. */
    private float[] positionWeights(int[] viewedItemIds) {
        float[] weights = new float[items.size()];
        int from = Math.max(0, viewedItemIds.length - config.recentItems());
        int length = viewedItemIds.length - from;
        for (int position = from; position < viewedItemIds.length; position++) {
            int item = items.indexOf(viewedItemIds[position]);
            if (item >= 0) {
                float weight = (float) (position - from + 1) / length * itemWeight[item];
                weights[item] = Math.max(weights[item], weight);
            }
        }
        return weights;
    }

    /** The {@code sampleSize} most recent past sessions that share at least one item. */
    private int[] recentCandidates(float[] weights) {
        int[] found = new int[0];
        int size = 0;
        for (int item = 0; item < weights.length; item++) {
            if (weights[item] > 0) {
                // Sessions per item ascend, so the most recent ones are the last sampleSize.
                int from = Math.max(itemStart[item], itemStart[item + 1] - config.sampleSize());
                int count = itemStart[item + 1] - from;
                found = size + count > found.length ? Arrays.copyOf(found, 2 * (size + count)) : found;
                System.arraycopy(itemSessions, from, found, size, count);
                size += count;
            }
        }
        int[] distinct = Arrays.stream(found, 0, size).sorted().distinct().toArray();
        return Arrays.copyOfRange(distinct, Math.max(0, distinct.length - config.sampleSize()), distinct.length);
    }

    private float overlap(int session, float[] weights) {
        float sum = 0;
        for (int p = sessionStart[session]; p < sessionStart[session + 1]; p++) {
            sum += weights[sessionItems[p]];
        }
        return sum;
    }
}
