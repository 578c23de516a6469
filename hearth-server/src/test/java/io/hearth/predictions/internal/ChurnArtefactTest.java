package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.churn.BehaviourFeatures;
import io.hearth.ml.churn.ChurnExamples;
import io.hearth.ml.churn.ChurnModel;
import io.hearth.ml.churn.ChurnPrediction;
import io.hearth.ml.churn.ChurnTrainer;
import io.hearth.ml.churn.ChurnTrainingSettings;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.ml.churn.LabelledExample;
import io.hearth.ml.churn.Order;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The churn artefact survives the registry's bytes and stops predicting once released. */
class ChurnArtefactTest {

    private static final Instant CUT_OFF = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void theTreesComeBackFromTheirBytesAndAreGoneOnceReleased() {
        List<Order> orders = orders();
        List<LabelledExample> examples = ChurnExamples.label(orders, List.of(), CUT_OFF, Duration.ofDays(90));
        ChurnModel model = ChurnTrainer.train(examples, ChurnTrainingSettings.defaults());
        RhythmArtefact rules = new RhythmArtefact(14.0, List.of(new RhythmArtefact.CalibrationBin(0.2, 0.25, 4)));
        ChurnArtefact trained =
                ChurnArtefact.boosted(rules, List.of(new RhythmArtefact.CalibrationBin(0.5, 0.5, 10)), model);
        FeatureVector someone =
                BehaviourFeatures.compute(orders, List.of(), CUT_OFF).getFirst();

        ChurnArtefact restored = ChurnArtefact.fromBytes(trained.toBytes());

        ChurnPrediction before = trained.predict(someone, 5).orElseThrow();
        ChurnPrediction after = restored.predict(someone, 5).orElseThrow();
        assertThat(after.probability()).isEqualTo(before.probability());
        assertThat(after.topFactors()).hasSize(5);
        assertThat(restored.isBoosted()).isTrue();
        assertThat(restored.rules().populationMedianDays()).isEqualTo(14.0);
        assertThat(restored.calibration()).containsExactly(new RhythmArtefact.CalibrationBin(0.5, 0.5, 10));

        trained.close();
        restored.close();
        restored.close();
        assertThat(restored.predict(someone, 5))
                .as("released: the rules answer")
                .isEmpty();
        ChurnArtefact rulesOnly =
                ChurnArtefact.fromBytes(ChurnArtefact.rulesOnly(rules).toBytes());
        assertThat(rulesOnly.isBoosted()).isFalse();
        assertThat(rulesOnly.calibration()).isEqualTo(rules.calibration());
        assertThat(rulesOnly.predict(someone, 5)).isEmpty();
    }

    @Test
    void treesOfOtherFeatureColumnsServeTheirRulesInstead() {
        List<Order> orders = orders();
        ChurnModel model = ChurnTrainer.train(
                ChurnExamples.label(orders, List.of(), CUT_OFF, Duration.ofDays(90)), ChurnTrainingSettings.defaults());
        RhythmArtefact rules = new RhythmArtefact(14.0, List.of(new RhythmArtefact.CalibrationBin(0.2, 0.25, 4)));
        byte[] stored = ChurnArtefact.boosted(rules, List.of(), model).toBytes();
        model.close();
        // What an older release wrote: the same layout with a column this release does not have.
        byte[] older = replace(stored, "recency_days", "recency_dayz");

        ChurnArtefact restored = ChurnArtefact.fromBytes(older);

        assertThat(restored.isBoosted()).isFalse();
        assertThat(restored.rules().populationMedianDays()).isEqualTo(14.0);
        assertThat(restored.predict(
                        BehaviourFeatures.compute(orders, List.of(), CUT_OFF).getFirst(), 5))
                .isEmpty();
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        byte[] copy = bytes.clone();
        for (int i = 0; i + needle.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                return copy;
            }
        }
        throw new AssertionError(from + " not in the stored bytes");
    }

    /** Weekly buyers, half of whom stop well before the cut-off; the others keep buying after it. */
    private static List<Order> orders() {
        Random random = new Random(7);
        List<Order> orders = new ArrayList<>();
        for (int c = 0; c < 400; c++) {
            boolean stops = c % 2 == 0;
            Instant end =
                    stops ? CUT_OFF.minus(Duration.ofDays(30 + random.nextInt(90))) : CUT_OFF.plus(Duration.ofDays(60));
            int every = 5 + random.nextInt(20);
            for (Instant at = CUT_OFF.minus(Duration.ofDays(300));
                    at.isBefore(end);
                    at = at.plus(Duration.ofDays(every))) {
                orders.add(Order.purchase("c" + c, at, 10 + random.nextInt(90), List.of()));
            }
        }
        return orders;
    }
}
