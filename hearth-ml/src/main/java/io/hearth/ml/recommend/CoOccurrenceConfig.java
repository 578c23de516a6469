package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

/**
 * Settings of {@link ItemCoOccurrence}.
 *
 * @param similarity how counts become similarities
 * @param shrinkage pseudo-count for {@link Similarity#SHRUNK_LIFT}; ignored by the others
 * @param windowSeconds only pairs bought by one user within this many seconds of each other
 *     count; 0 counts every pair in the user's history
 * @param neighbours similar items kept per item
 * @param minCount pairs seen fewer times are ignored as noise
 */
public record CoOccurrenceConfig(
        Similarity similarity, double shrinkage, long windowSeconds, int neighbours, int minCount) {

    public CoOccurrenceConfig {
        requireNonNull(similarity, "similarity is null");
        if (!(shrinkage >= 0) || windowSeconds < 0 || neighbours <= 0 || minCount <= 0) {
            throw new IllegalArgumentException("invalid co-occurrence settings");
        }
    }

    /** Log-likelihood ratio, no window, 100 neighbours, pairs seen at least twice. */
    public static CoOccurrenceConfig defaults() {
        return new CoOccurrenceConfig(Similarity.LOG_LIKELIHOOD, 10, 0, 100, 2);
    }

    /** The same settings restricted to pairs within {@code days} of each other. */
    public CoOccurrenceConfig withWindowDays(int days) {
        return new CoOccurrenceConfig(similarity, shrinkage, days * 86_400L, neighbours, minCount);
    }

    public CoOccurrenceConfig withSimilarity(Similarity value) {
        return new CoOccurrenceConfig(value, shrinkage, windowSeconds, neighbours, minCount);
    }

    public CoOccurrenceConfig withNeighbours(int value) {
        return new CoOccurrenceConfig(similarity, shrinkage, windowSeconds, value, minCount);
    }
}
