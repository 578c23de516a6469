package io.hearth.ml.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.text.SentenceEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BANKING77 (Casanueva et al. 2020): train on the 10,003 training utterances, score the 3,080 tests;
 * then the open-intent setting, with a quarter of the intents never seen in training. Both embed the
 * sets once.
 */
class Banking77EvaluationTest {

    private static SentenceEmbedder embedder;
    private static List<IntentExample> train;
    private static List<IntentExample> test;
    private static List<float[]> trainEmbeddings;
    private static List<float[]> testEmbeddings;

    @BeforeAll
    static void embed() throws IOException {
        Path folder = SupportData.file("banking77");
        train = IntentCsv.parse(Files.readString(folder.resolve("train.csv")), "text", "category");
        test = IntentCsv.parse(Files.readString(folder.resolve("test.csv")), "text", "category");
        embedder = SentenceEmbedder.load();
        long start = System.nanoTime();
        trainEmbeddings =
                embedder.embedAll(train.stream().map(IntentExample::utterance).toList());
        System.out.printf("embedding the BANKING77 training set: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        testEmbeddings =
                embedder.embedAll(test.stream().map(IntentExample::utterance).toList());
    }

    @AfterAll
    static void close() {
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void reachesTheAccuracyBarOnTheTestSet() {
        IntentEvaluation evaluation =
                IntentEvaluation.run(embedder, train, trainEmbeddings, test, testEmbeddings, IntentSettings.defaults());
        evaluation.print("BANKING77");
        assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.88);
    }

    @Test
    void refusesMessagesOfIntentsItNeverSawAndAnswersTheOthers() {
        IntentTrainer trainer = new IntentTrainer(embedder);
        OpenIntentEvaluation confidenceAlone = OpenIntentEvaluation.run(
                trainer,
                train,
                trainEmbeddings,
                test,
                testEmbeddings,
                4,
                IntentSettings.defaults().withPrototypesPerIntent(0));
        confidenceAlone.print("BANKING77 (confidence alone)");
        OpenIntentEvaluation evaluation = OpenIntentEvaluation.run(
                trainer, train, trainEmbeddings, test, testEmbeddings, 4, IntentSettings.defaults());
        evaluation.print("BANKING77");
        assertThat(evaluation.unknownIntents()).isEqualTo(20);
        assertThat(evaluation.unknownRefused()).isGreaterThanOrEqualTo(0.85);
        assertThat(evaluation.balanced()).isGreaterThanOrEqualTo(0.82);
    }
}
