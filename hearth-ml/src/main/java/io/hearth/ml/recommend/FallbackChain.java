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
        for (int s = 0; s < rankedSources.size() && size < n; s++) {
            for (int item : rankedSources.get(s)) {
                if (size == n) {
                    break;
                }
                if (item >= 0 && item < itemCount && !taken[item]) {
                    taken[item] = true;
                    items[size] = item;
                    sources[size++] = s;
                }
            }
        }
        for (int item = 0; item < itemCount && size < n; item++) {
            if (!taken[item]) {
                taken[item] = true;
                items[size] = item;
                sources[size++] = rankedSources.size();
            }
        }
        return new Slate(Arrays.copyOf(items, size), Arrays.copyOf(sources, size));
    }
}
