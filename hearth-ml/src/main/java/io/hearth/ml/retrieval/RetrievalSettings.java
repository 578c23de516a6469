package io.hearth.ml.retrieval;

/**
 * How the two rankings are fused: each contributes {@code weight / (fusionK + rank)} for its first
 * {@code candidates} hits. Equal weights are plain reciprocal rank fusion.
 */
public record RetrievalSettings(int candidates, int fusionK, double lexicalWeight, double semanticWeight) {

    public RetrievalSettings {
        if (candidates < 1 || fusionK < 0) {
            throw new IllegalArgumentException("candidates must be positive and fusionK not negative");
        }
        if (lexicalWeight < 0 || semanticWeight < 0 || lexicalWeight + semanticWeight == 0) {
            throw new IllegalArgumentException("weights must not be negative and not both zero");
        }
    }

    /** 50 candidates each, k = 60 (the RRF paper's constant), equal weights. */
    public static RetrievalSettings defaults() {
        return new RetrievalSettings(50, 60, 1, 1);
    }

    public RetrievalSettings withWeights(double lexical, double semantic) {
        return new RetrievalSettings(candidates, fusionK, lexical, semantic);
    }
}
