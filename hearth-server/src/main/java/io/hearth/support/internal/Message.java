package io.hearth.support.internal;

import io.hearth.ml.retrieval.RetrievedPassage;
import java.util.List;

/** A customer message with what was read from it and the knowledge-base passages it found. */
record Message(String text, Reading reading, List<RetrievedPassage> passages) {}
