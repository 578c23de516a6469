package io.hearth.ml.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.text.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shop's small intent set, trained for real with the embedder. */
class IntentClassifierTest {

    private static SentenceEmbedder embedder;
    private static IntentClassifier classifier;

    @BeforeAll
    static void train() {
        embedder = SentenceEmbedder.load();
        classifier = new IntentTrainer(embedder).train(ShopIntents.examples(), IntentSettings.defaults());
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void classifiesUnseenPhrasingsOfTheShopsIntents() {
        assertThat(classifier
                        .classify("where is my parcel? it has not arrived yet")
                        .intent())
                .isEqualTo("order_status");
        assertThat(classifier
                        .classify("I would like my money back for the shoes")
                        .intent())
                .isEqualTo("refund");
        assertThat(classifier.classify("can I change the address for delivery").intent())
                .isEqualTo("change_address");
    }

    @Test
    void confidenceIsAProbabilityAndAlternativesAreRanked() {
        IntentPrediction prediction = classifier.classify("please cancel my order");
        assertThat(prediction.confidence()).isBetween(0.0, 1.0);
        assertThat(prediction.alternatives()).hasSize(3);
        assertThat(prediction.alternatives().getFirst().intent()).isEqualTo(prediction.intent());
        assertThat(prediction.alternatives().get(0).probability())
                .isGreaterThanOrEqualTo(prediction.alternatives().get(1).probability());
    }

    @Test
    void anUnrelatedMessageIsLessConfidentThanAnInScopeOne() {
        double inScope = classifier.classify("I want to cancel my order").confidence();
        double unrelated =
                classifier.classify("what is the capital of Mongolia").confidence();
        assertThat(unrelated).isLessThan(inScope);
        assertThat(classifier
                        .withThreshold(inScope)
                        .classify("what is the capital of Mongolia")
                        .outOfScope())
                .isTrue();
    }

    @Test
    void aTrainingPhraseIsItsOwnNearestExampleAndAStrangerIsFarFromAll() {
        assertThat(classifier.classify("where is my order").similarity()).isCloseTo(1.0, within(1e-3));
        IntentPrediction stranger = classifier.classify("what is the capital of Mongolia");
        assertThat(stranger.similarity()).isLessThan(classifier.similarityThreshold());
        assertThat(stranger.outOfScope()).isTrue();
    }

    @Test
    void bytesRoundTripToTheSamePredictions() {
        byte[] bytes = classifier.toBytes();
        IntentClassifier loaded = IntentClassifier.fromBytes(bytes, embedder);
        List<String> messages = List.of("refund please", "where's my package", "new shipping address", "hello");
        List<IntentPrediction> before = classifier.classifyAll(messages);
        List<IntentPrediction> after = loaded.classifyAll(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(after.get(i).intent()).isEqualTo(before.get(i).intent());
            assertThat(after.get(i).confidence())
                    .isCloseTo(before.get(i).confidence(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(after.get(i).similarity()).isCloseTo(before.get(i).similarity(), within(2e-3));
            assertThat(after.get(i).outOfScope()).isEqualTo(before.get(i).outOfScope());
        }
        assertThat(loaded.threshold()).isEqualTo(classifier.threshold());
        assertThat(loaded.similarityThreshold()).isEqualTo(classifier.similarityThreshold());
        assertThat(loaded.report()).isEqualTo(classifier.report());
    }

    /** A model a shop trained before prototypes existed (written by the version 1 format) still serves. */
    @Test
    void aVersionOneModelStillLoadsAndDecidesOnConfidenceAlone() throws Exception {
        byte[] bytes;
        try (var in = IntentClassifierTest.class.getResourceAsStream("shop-intents-v1.model")) {
            bytes = in.readAllBytes();
        }
        IntentClassifier old = IntentClassifier.fromBytes(bytes, embedder);
        assertThat(old.similarityThreshold()).isZero();
        assertThat(old.report().similarityThreshold()).isZero();
        IntentPrediction refund = old.classify("refund please");
        assertThat(refund.intent()).isEqualTo("refund");
        assertThat(refund.similarity()).isEqualTo(1.0);
        assertThat(refund.outOfScope()).isFalse();
        assertThat(old.classify("what is the capital of Mongolia").outOfScope()).isTrue();
        IntentClassifier rewritten = IntentClassifier.fromBytes(old.toBytes(), embedder);
        assertThat(rewritten.classify("refund please").confidence()).isCloseTo(refund.confidence(), within(1e-3));
    }

    @Test
    void corruptBytesAreRefused() {
        assertThatThrownBy(() -> IntentClassifier.fromBytes(new byte[] {1, 2, 3}, embedder))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] truncated = java.util.Arrays.copyOf(classifier.toBytes(), 100);
        assertThatThrownBy(() -> IntentClassifier.fromBytes(truncated, embedder))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingNeedsTwoIntents() {
        List<IntentExample> one =
                new ArrayList<>(List.of(new IntentExample("hi", "greet"), new IntentExample("hello", "greet")));
        assertThatThrownBy(() -> new IntentTrainer(embedder).train(one, IntentSettings.defaults()))
                .hasMessageContaining("two intents");
    }
}
