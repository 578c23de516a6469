package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.predictions.ModelVersion;

/** A registry version loaded into memory with its parsed artefact, ready to score. */
record Serving<M>(ModelVersion version, M model) {

    Serving {
        requireNonNull(version, "version is null");
        requireNonNull(model, "model is null");
    }
}
