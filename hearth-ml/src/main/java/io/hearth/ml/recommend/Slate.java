package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A ranked list of items with, for each, which source of a {@link FallbackChain} supplied it: so
 * a caller can tell (and report) personalised picks from fill.
 *
 * @param items dense item indices, best first, distinct
 * @param sources for each item, the index of the source list it came from; the number of source
 *     lists for items filled in catalogue order
 */
public record Slate(int[] items, int[] sources) {

    public Slate {
        requireNonNull(items, "items is null");
        requireNonNull(sources, "sources is null");
        if (items.length != sources.length) {
            throw new IllegalArgumentException("one source per item is needed");
        }
        items = items.clone();
        sources = sources.clone();
    }

    @Override
    public int[] items() {
        return items.clone();
    }

    @Override
    public int[] sources() {
        return sources.clone();
    }

    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Slate slate
                && Arrays.equals(items, slate.items)
                && Arrays.equals(sources, slate.sources);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(items) + Arrays.hashCode(sources);
    }

    @Override
    public String toString() {
        return "Slate[items=" + Arrays.toString(items) + ", sources=" + Arrays.toString(sources) + "]";
    }
}
