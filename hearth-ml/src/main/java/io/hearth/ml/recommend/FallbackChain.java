package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Fills a slate from ranked sources in order of preference (say session kNN, then bought-together,
 * then trending), skipping excluded items and items already taken, and finally from catalogue
 * order, so that every request gets n items whenever the catalogue has them.
 */
public final class FallbackChain {

    private FallbackChain() {}

    /**
     * Up to {@code n} distinct items of a catalogue of {@code itemCount}, none in {@code
     * excludedAscending}: the first source's items first, then the next source's, and so on.
     */
    public static Slate fill(int n, int itemCount, int[] excludedAscending, List<int[]> rankedSources) {
        requireNonNull(excludedAscending, "excludedAscending is null");
        requireNonNull(rankedSources, "rankedSources is null");
        if (n < 0 || itemCount < 0) {
            throw new IllegalArgumentException("n and itemCount must not be negative");
        }
        boolean[] taken = new boolean[itemCount];
        for (int item : excludedAscending) {
            if (item >= 0 && item < itemCount) {
                taken[item] = true;
            }
        }
        int[] items = new int[n];
        int[] sources = new int[n];
        int size = 0;
        for (int s = 0; s < rankedSources.size(); s++) {
            size = take(rankedSources.get(s), s, taken, items, sources, size);
        }
        // Catalogue order last: it can always fill what the sources could not.
        int[] catalogue = new int[itemCount];
        Arrays.setAll(catalogue, item -> item);
        size = take(catalogue, rankedSources.size(), taken, items, sources, size);
        return new Slate(Arrays.copyOf(items, size), Arrays.copyOf(sources, size));
    }

    /** Appends the untaken items of {@code ranked} until the slate is full; returns the new size. */
    private static int take(int[] ranked, int source, boolean[] taken, int[] items, int[] sources, int size) {
        int filled = size;
        for (int r = 0; r < ranked.length && filled < items.length; r++) {
            int item = ranked[r];
            if (item >= 0 && item < taken.length && !taken[item]) {
                taken[item] = true;
                items[filled] = item;
                sources[filled++] = source;
            }
        }
        return filled;
    }
}
