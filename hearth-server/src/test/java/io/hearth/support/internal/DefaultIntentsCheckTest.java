package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.intent.IntentClassifier;
import io.hearth.ml.intent.IntentCsv;
import io.hearth.ml.intent.IntentExample;
import io.hearth.ml.intent.IntentPrediction;
import io.hearth.ml.intent.IntentSettings;
import io.hearth.ml.intent.IntentTrainer;
import io.hearth.ml.text.SentenceEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The intent model every new shop starts with, checked on messages written apart from its training
 * file: retail questions in the wording customers use (order numbers included) must be answered with
 * their intent, and questions none of its intents cover must be refused. The figures of the model
 * deciding on confidence alone are printed beside, from the same run.
 */
class DefaultIntentsCheckTest {

    private static SentenceEmbedder embedder;
    private static List<IntentExample> inScope;
    private static List<String> outOfScope;

    @BeforeAll
    static void load() throws IOException {
        embedder = SentenceEmbedder.load(2);
        inScope = IntentCsv.parse(resource("support/default-intents-check.csv"));
        outOfScope = resource("support/default-out-of-scope-check.txt")
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void answersRetailQuestionsAndRefusesTheRest() {
        IntentTrainer trainer = new IntentTrainer(embedder);
        Check confidenceAlone = check(trainer.train(
                SupportModels.defaultExamples(), IntentSettings.defaults().withPrototypesPerIntent(0)));
        IntentClassifier model = trainer.train(SupportModels.defaultExamples(), IntentSettings.defaults());
        Check shipped = check(model);
        System.out.printf(
                Locale.ROOT,
                "%n| default intents, check set | confidence alone | shipped (confidence + similarity) |%n"
                        + "|---|---|---|%n| in-scope answered right (%d) | %.3f | %.3f |%n"
                        + "| out-of-scope refused (%d) | %.3f | %.3f |%n",
                inScope.size(),
                confidenceAlone.answered(),
                shipped.answered(),
                outOfScope.size(),
                confidenceAlone.refused(),
                shipped.refused());

        IntentPrediction reported = model.classify("when will my order 20001 arrive");
        assertThat(reported.intent()).isEqualTo("order_status");
        assertThat(reported.outOfScope()).isFalse();
        assertThat(shipped.answered()).isGreaterThanOrEqualTo(0.9);
        assertThat(shipped.refused()).isGreaterThanOrEqualTo(0.75);
    }

    private record Check(double answered, double refused) {}

    private static Check check(IntentClassifier model) {
        List<IntentPrediction> inScopePredictions =
                model.classifyAll(inScope.stream().map(IntentExample::utterance).toList());
        int answered = 0;
        for (int i = 0; i < inScope.size(); i++) {
            IntentPrediction prediction = inScopePredictions.get(i);
            answered += !prediction.outOfScope()
                            && prediction.intent().equals(inScope.get(i).intent())
                    ? 1
                    : 0;
        }
        long refused = model.classifyAll(outOfScope).stream()
                .filter(IntentPrediction::outOfScope)
                .count();
        return new Check((double) answered / inScope.size(), (double) refused / outOfScope.size());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DefaultIntentsCheckTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
