package io.hearth.ml.retrieval;

import static java.util.Objects.requireNonNull;

/**
 * A search hit.
 *
 * @param score the fused reciprocal-rank score (or the single ranking's own score in a one-sided mode)
 * @param lexicalRank 1-based rank by BM25 among the candidates, 0 when BM25 did not find it
 * @param semanticRank 1-based rank by embedding cosine among the candidates, 0 when not among them
 * @param cosine cosine similarity of query and passage embeddings
 */
public record RetrievedPassage(Passage passage, double score, int lexicalRank, int semanticRank, double cosine) {

    public RetrievedPassage {
        requireNonNull(passage, "passage is null");
    }
}
