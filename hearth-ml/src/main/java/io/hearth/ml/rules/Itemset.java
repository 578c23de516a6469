package io.hearth.ml.rules;

import java.util.Arrays;
import java.util.Map;

/** A sorted array of item indices, ordered lexicographically so Apriori can join on shared prefixes. */
record Itemset(int[] items) implements Comparable<Itemset> {

    int size() {
        return items.length;
    }

    boolean sharesPrefix(Itemset other) {
        return Arrays.equals(items, 0, items.length - 1, other.items, 0, other.items.length - 1);
    }

    Itemset join(Itemset other) {
        int[] joined = Arrays.copyOf(items, items.length + 1);
        joined[items.length] = other.items[other.items.length - 1];
        return new Itemset(joined);
    }

    Itemset without(int position) {
        int[] rest = new int[items.length - 1];
        System.arraycopy(items, 0, rest, 0, position);
        System.arraycopy(items, position + 1, rest, position, items.length - position - 1);
        return new Itemset(rest);
    }

    /** The Apriori property: a frequent itemset has only frequent subsets. */
    boolean allSubsetsIn(Map<Itemset, long[]> level) {
        // The two subsets dropping one of the last two items are the joined parents, known to be in.
        for (int position = 0; position < items.length - 2; position++) {
            if (!level.containsKey(without(position))) {
                return false;
            }
        }
        return true;
    }

    static long[] and(long[] left, long[] right) {
        long[] both = new long[left.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = left[i] & right[i];
        }
        return both;
    }

    static int count(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    @Override
    public int compareTo(Itemset other) {
        return Arrays.compare(items, other.items);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Itemset that && Arrays.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }
}
