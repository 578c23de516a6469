package io.hearth.ml.text;

import static java.util.Objects.requireNonNull;

/**
 * One example for a linear model: a dense block (a sentence embedding, possibly empty) followed by a
 * sparse block (TF-IDF) whose indices start after the dense block.
 */
public record FeatureRow(float[] dense, SparseVector sparse) {

    public FeatureRow {
        requireNonNull(dense, "dense is null");
        requireNonNull(sparse, "sparse is null");
    }
}
