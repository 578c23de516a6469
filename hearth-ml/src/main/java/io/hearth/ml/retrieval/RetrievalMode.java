package io.hearth.ml.retrieval;

/** Which rankings a search uses: both fused (the default), or one alone for comparison. */
public enum RetrievalMode {
    HYBRID,
    LEXICAL,
    SEMANTIC
}
