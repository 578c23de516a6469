package io.hearth.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.recommendations.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aStoredVersionServesTheSameDescriptionsAsTheTrainedOne() {
        ServingModel trained = trainedModel();

        ServingModel loaded = ModelCodec.decode(ModelCodec.encode(trained));

        assertThat(loaded.items()).containsExactly(trained.items());
        assertThat(loaded.summary().describedItems())
                .isEqualTo(trained.content().count())
                .isEqualTo(30);
        for (int item = 0; item < trained.itemCount(); item++) {
            assertThat(loaded.content().has(item)).isEqualTo(trained.content().has(item));
            if (trained.content().has(item)) {
                float[] before = trained.content().vector(item);
                float[] after = loaded.content().vector(item);
                for (int d = 0; d < before.length; d++) {
                    // one byte per dimension: a few thousandths off, the neighbours the same
                    assertThat(after[d]).isCloseTo(before[d], within(0.01f));
                }
                int[] nearAfter =
                        loaded.content().nearest(after, 3, new int[] {item}).items();
                int[] nearBefore =
                        trained.content().nearest(before, 5, new int[] {item}).items();
                assertThat(java.util.Arrays.stream(nearAfter).boxed().toList())
                        .hasSize(3)
                        .isSubsetOf(java.util.Arrays.stream(nearBefore).boxed().toList());
            }
        }
        assertThat(loaded.factors().itemFactors())
                .containsExactly(trained.factors().itemFactors());
    }

    private static ServingModel trainedModel() {
        Random random = new Random(7);
        Map<String, float[]> described = new LinkedHashMap<>();
        for (int p = 0; p < 30; p++) {
            float[] vector = new float[16];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) random.nextGaussian() + (d == p % 4 ? 4 : 0);
            }
            described.put("p" + p, vector);
        }
        List<Signal> signals = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            for (int p = u % 4; p < 20; p += 4) {
                signals.add(new Signal(
                        "u:" + u,
                        "p" + p,
                        1,
                        NOW.getEpochSecond() - p * 3600L,
                        true,
                        Device.values()[0],
                        DayPart.values()[0]));
            }
        }
        RecommendationsSettings settings = new RecommendationsSettings(
                java.time.Duration.ofHours(1),
                java.time.Duration.ofDays(365),
                4,
                5,
                java.time.Duration.ofDays(30),
                java.time.Duration.ofMinutes(30),
                3,
                0.7,
                5,
                50,
                java.time.Duration.ofSeconds(30),
                false,
                true,
                200_000);
        return new ModelTrainer(settings).train(1, signals, described, NOW, true, TrainingProgress.NONE);
    }
}
