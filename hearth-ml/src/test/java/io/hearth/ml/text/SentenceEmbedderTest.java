package io.hearth.ml.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

    @Test
    void embedsToUnitVectorsWhereParaphrasesAreCloser() {
        try (SentenceEmbedder embedder = SentenceEmbedder.load(2)) {
            float[] order = embedder.embed("where is my order");
            float[] parcel = embedder.embed("my package has not been delivered");
            float[] loyalty = embedder.embed("I love the loyalty programme");
            assertThat(order).hasSize(SentenceEmbedder.DIMENSION);
            assertThat(Vectors.dot(order, order)).isCloseTo(1.0, within(1e-5));
            assertThat(Vectors.dot(order, parcel)).isGreaterThan(Vectors.dot(order, loyalty) + 0.2);
        }
    }

    @Test
    void aBatchEqualsSingleEmbeddingsInOrder() {
        try (SentenceEmbedder embedder = SentenceEmbedder.load(2)) {
            List<String> texts = List.of("refund please", "", "cancel my order", "Wo ist meine Bestellung?");
            List<float[]> batch = embedder.embedAll(texts);
            assertThat(batch).hasSize(4);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(Vectors.cosine(batch.get(i), embedder.embed(texts.get(i))))
                        .isCloseTo(1.0, within(1e-4));
            }
            assertThat(embedder.embedAll(List.of())).isEmpty();
        }
    }
}
