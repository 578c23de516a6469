package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A bijection between external int ids and dense indices {@code 0..size-1}.
 *
 * <p>Indices follow ascending id order so that the same set of ids always yields the same
 * mapping, whatever the order in which the ids were seen.
 */
public final class IdIndex {

    private final int[] sortedIds;

    private IdIndex(int[] sortedIds) {
        this.sortedIds = sortedIds;
    }

    /** Builds the index of the distinct values in {@code ids}. */
    public static IdIndex of(int[] ids) {
        requireNonNull(ids, "ids is null");
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new IdIndex(Arrays.copyOf(sorted, distinct));
    }

    /** Number of distinct ids. */
    public int size() {
        return sortedIds.length;
    }

    /** Dense index of {@code id}, or -1 when the id is unknown. */
    public int indexOf(int id) {
        int position = Arrays.binarySearch(sortedIds, id);
        return position >= 0 ? position : -1;
    }

    /** External id at dense {@code index}. */
    public int idAt(int index) {
        return sortedIds[index];
    }
}
