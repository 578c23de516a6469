package io.hearth.ml.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.text.SentenceEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bitext retail customer service (21,534 utterances, 27 intents, deliberate typos): a stratified
 * 80/20 split, since the release has no test set of its own.
 */
class BitextEvaluationTest {

    @Test
    void reachesTheAccuracyBarOnAStratifiedSplit() throws IOException {
        String csv = Files.readString(SupportData.file("bitext-customer-support/bitext_20k_utterances.csv"));
        List<IntentExample> examples = IntentCsv.parse(csv);
        StratifiedSplit split =
                StratifiedSplit.of(examples.stream().map(IntentExample::intent).toList(), 0.2, 2026);
        List<IntentExample> train =
                Arrays.stream(split.first()).mapToObj(examples::get).toList();
        List<IntentExample> test =
                Arrays.stream(split.second()).mapToObj(examples::get).toList();
        try (SentenceEmbedder embedder = SentenceEmbedder.load()) {
            IntentEvaluation evaluation = IntentEvaluation.run(embedder, train, test, IntentSettings.defaults());
            evaluation.print("Bitext 20k, stratified 80/20");
            assertThat(evaluation.accuracy()).isGreaterThanOrEqualTo(0.97);
        }
    }
}
