package io.hearth.ml.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Trains on synthetic shops where loyal customers buy on a steady rhythm and churners stop; the model
 * must separate fresh customers of the same kinds, explain itself additively, and survive bytes.
 */
class ChurnModelTest {

    private static final Instant CUTOFF = Instant.parse("2024-06-01T00:00:00Z");
    private static final Duration HORIZON = Duration.ofDays(60);

    @Test
    void separatesChurnersExplainsAdditivelyAndRoundTripsThroughBytes() {
        List<LabelledExample> training = ChurnExamples.label(shop(new Random(1), 600), List.of(), CUTOFF, HORIZON);
        List<LabelledExample> test = ChurnExamples.label(shop(new Random(2), 300), List.of(), CUTOFF, HORIZON);
        List<FeatureVector> vectors =
                test.stream().map(LabelledExample::features).toList();
        boolean[] churned = new boolean[test.size()];
        for (int i = 0; i < churned.length; i++) {
            churned[i] = test.get(i).churned();
        }

        try (ChurnModel model = ChurnTrainer.train(training, ChurnTrainingSettings.defaults())) {
            double[] probability = model.probabilities(vectors);
            assertThat(BinaryMetrics.rocAuc(probability, churned)).isGreaterThan(0.9);

            ChurnPrediction first = model.predict(vectors.getFirst(), ChurnFeature.values().length);
            double sum = first.topFactors().stream()
                    .mapToDouble(FeatureContribution::contribution)
                    .sum();
            assertThat(first.logOdds()).isCloseTo(model.logOdds(List.of(vectors.getFirst()))[0], within(1e-4));
            assertThat(sum)
                    .as("contributions plus the base value add up to the score")
                    .isNotZero();
            assertThat(model.predict(vectors.getFirst(), 2).topFactors()).hasSize(2);

            byte[] bytes = model.toBytes();
            try (ChurnModel restored = ChurnModel.fromBytes(bytes)) {
                assertThat(restored.probabilities(vectors)).containsExactly(probability, within(1e-9));
            }
            assertThatThrownBy(() -> ChurnModel.fromBytes(renameFirstFeature(bytes)))
                    .as("a model of other feature columns is refused, not misread")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("recency_dayz");
        }
    }

    private static byte[] renameFirstFeature(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("recency_days");
        byte[] renamed = bytes.clone();
        renamed[at + "recency_day".length()] = 'z';
        return renamed;
    }

    @Test
    void refusesBytesThatAreNotAModel() {
        assertThatThrownBy(() -> ChurnModel.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTrainingWithoutBothOutcomes() {
        List<LabelledExample> allLoyal =
                ChurnExamples.label(shop(new Random(3), 50), List.of(), CUTOFF, HORIZON).stream()
                        .map(example -> new LabelledExample(example.features(), false))
                        .toList();
        assertThatThrownBy(() -> ChurnTrainer.train(allLoyal, ChurnTrainingSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("churned and retained");
    }

    /** Half the customers keep a 7–21 day rhythm through the horizon; the others stop 30–120 days early. */
    private static List<Order> shop(Random random, int customers) {
        List<Order> orders = new ArrayList<>();
        Instant start = CUTOFF.minus(Duration.ofDays(365));
        for (int c = 0; c < customers; c++) {
            String id = "c" + random.nextInt(1_000_000) + "-" + c;
            boolean churner = c % 2 == 0;
            int rhythm = 7 + random.nextInt(15);
            Instant stop = churner ? CUTOFF.minus(Duration.ofDays(30 + random.nextInt(90))) : CUTOFF.plus(HORIZON);
            Instant at = start.plus(Duration.ofDays(random.nextInt(200)));
            for (; at.isBefore(stop); at = at.plus(Duration.ofDays(rhythm + random.nextInt(5)))) {
                orders.add(Order.purchase(id, at, 20 + random.nextInt(80), List.of("p" + random.nextInt(20))));
            }
        }
        return orders;
    }
}
