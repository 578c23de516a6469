package io.hearth.ml.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.text.SentenceEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BANKING77 (Casanueva et al. 2020): train on the 10,003 training utterances, score the 3,080 tests. */
class Banking77EvaluationTest {

    @Test
    void reachesTheAccuracyBarOnTheTestSet() throws IOException {
        Path folder = SupportData.file("banking77");
        List<IntentExample> train = IntentCsv.parse(Files.readString(folder.resolve("train.csv")), "text", "category");
        List<IntentExample> test = IntentCsv.parse(Files.readString(folder.resolve("test.csv")), "text", "category");
        try (SentenceEmbedder embedder = SentenceEmbedder.load()) {
            IntentEvaluation evaluation = IntentEvaluation.run(embedder, train, test, IntentSettings.defaults());
            evaluation.print("BANKING77");
            assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.88);
        }
    }
}
