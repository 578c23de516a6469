package io.hearth.ml.text;

import static java.util.Objects.requireNonNull;

/** Feature indices in ascending order with their values. */
public record SparseVector(int[] indices, float[] values) {

    public SparseVector {
        requireNonNull(indices, "indices is null");
        requireNonNull(values, "values is null");
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public static SparseVector empty() {
        return new SparseVector(new int[0], new float[0]);
    }

    public int size() {
        return indices.length;
    }
}
