package io.hearth.ml.recommend;

/**
 * Settings of {@link SessionKnn}.
 *
 * @param neighbours most similar past sessions that vote for the next item
 * @param sampleSize most recent past sessions sharing an item with the current one that are
 *     compared at all; bounds the work per request whatever the history size
 * @param recentItems only the last this many items of the current session are used
 * @param inverseFrequency whether a shared item's contribution to session similarity is damped by
 *     how many past sessions contain it (popular items say little about intent)
 */
public record SessionKnnConfig(int neighbours, int sampleSize, int recentItems, boolean inverseFrequency) {

    public SessionKnnConfig {
        if (neighbours <= 0 || sampleSize <= 0 || recentItems <= 0) {
            throw new IllegalArgumentException("neighbours, sampleSize and recentItems must be positive");
        }
    }

    /** 100 neighbours out of the 1,000 most recent candidates, the last 10 items, IDF weighting on. */
    public static SessionKnnConfig defaults() {
        return new SessionKnnConfig(100, 1000, 10, true);
    }

    public SessionKnnConfig withNeighbours(int value) {
        return new SessionKnnConfig(value, sampleSize, recentItems, inverseFrequency);
    }

    public SessionKnnConfig withSampleSize(int value) {
        return new SessionKnnConfig(neighbours, value, recentItems, inverseFrequency);
    }

    public SessionKnnConfig withRecentItems(int value) {
        return new SessionKnnConfig(neighbours, sampleSize, value, inverseFrequency);
    }

    public SessionKnnConfig withInverseFrequency(boolean value) {
        return new SessionKnnConfig(neighbours, sampleSize, recentItems, value);
    }
}
