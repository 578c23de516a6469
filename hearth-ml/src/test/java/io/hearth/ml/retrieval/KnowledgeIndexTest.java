package io.hearth.ml.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.text.SentenceEmbedder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {

    private static SentenceEmbedder embedder;
    private static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        embedder = SentenceEmbedder.load();
        index = KnowledgeIndex.build(PassageChunker.defaults().chunkAll(HelpCentre.articles()), embedder);
    }

    @AfterAll
    static void close() {
        index.close();
        embedder.close();
    }

    /**
     * Recall@k and MRR over the labelled questions, per mode and fusion setting. The questions are
     * mostly paraphrases, where embeddings shine; BM25 earns its place on exact codes (below).
     */
    @Test
    void hybridRetrievalFindsTheAnsweringArticle() {
        System.out.printf(
                "%n| mode (%d passages, %d questions) | recall@1 | recall@3 | MRR |%n|---|---|---|---|%n",
                index.size(), HelpCentre.questions().size());
        double[] lexical = evaluate(index, RetrievalMode.LEXICAL, "BM25 alone");
        double[] semantic = evaluate(index, RetrievalMode.SEMANTIC, "embedding cosine alone");
        double[] plain = evaluate(index, RetrievalMode.HYBRID, "RRF k=60, weights 1 : 1 (default)");
        for (int k : new int[] {60, 10, 2}) {
            for (double weight : new double[] {1, 0.5}) {
                if (k == 60 && weight == 1) {
                    continue;
                }
                RetrievalSettings settings = new RetrievalSettings(50, k, weight, 1);
                try (KnowledgeIndex weighted = index.withSettings(settings)) {
                    evaluate(weighted, RetrievalMode.HYBRID, "RRF k=" + k + ", weights " + weight + " : 1");
                }
            }
        }
        double[] hybrid = plain;
        assertThat(hybrid[1]).isGreaterThanOrEqualTo(0.9);
        assertThat(hybrid[2]).isGreaterThan(lexical[2]);
        assertThat(semantic[1]).isGreaterThanOrEqualTo(0.9);
    }

    private static double[] evaluate(KnowledgeIndex index, RetrievalMode mode, String name) {
        int first = 0;
        int top3 = 0;
        double reciprocal = 0;
        for (HelpCentre.Question question : HelpCentre.questions()) {
            List<RetrievedPassage> hits = index.search(question.text(), 10, mode);
            for (int rank = 1; rank <= hits.size(); rank++) {
                if (hits.get(rank - 1).passage().articleId().equals(question.articleId())) {
                    first += rank == 1 ? 1 : 0;
                    top3 += rank <= 3 ? 1 : 0;
                    reciprocal += 1.0 / rank;
                    break;
                }
            }
        }
        int n = HelpCentre.questions().size();
        System.out.printf("| %s | %.3f | %.3f | %.3f |%n", name, (double) first / n, (double) top3 / n, reciprocal / n);
        return new double[] {(double) first / n, (double) top3 / n, reciprocal / n};
    }

    @Test
    void anExactProductCodeIsFoundThroughBm25() {
        RetrievedPassage best = index.search("XT-4471", 3).getFirst();
        assertThat(best.passage().articleId()).isEqualTo("care");
        assertThat(best.lexicalRank()).isEqualTo(1);
    }

    @Test
    void hitsCarryTheirSourceAndBothRanks() {
        RetrievedPassage best =
                index.search("which cards do you accept, PayPal?", 3).getFirst();
        assertThat(best.passage().articleId()).isEqualTo("payment");
        assertThat(best.passage().source()).isEqualTo("https://shop.example/help/payment");
        assertThat(best.lexicalRank()).isPositive();
        assertThat(best.semanticRank()).isPositive();
        assertThat(best.score())
                .isEqualTo(1.0 / (60 + best.lexicalRank()) + 1.0 / (60 + best.semanticRank()), within(1e-12));
    }

    @Test
    void aQueryWithoutIndexedWordsStillGetsSemanticHits() {
        List<RetrievedPassage> hits = index.search("???", 2);
        assertThat(hits)
                .hasSize(2)
                .allSatisfy(hit -> assertThat(hit.lexicalRank()).isZero());
        assertThatThrownBy(() -> index.search("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
