package io.hearth.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RecommendationsSettingsTest {

    @Test
    void defaults() {
        assertThat(bind(Map.of()))
                .isEqualTo(new RecommendationsSettings(
                        Duration.ofHours(1),
                        Duration.ofDays(365),
                        32,
                        10,
                        Duration.ofDays(30),
                        Duration.ofMinutes(30),
                        3,
                        0.7,
                        5,
                        50,
                        Duration.ofSeconds(30),
                        true,
                        true,
                        200_000));
    }

    @Test
    void everySettingMaps() {
        RecommendationsSettings settings = bind(Map.ofEntries(
                Map.entry("hearth.recommendations.retrain-delay", "PT10M"),
                Map.entry("hearth.recommendations.training-window", "P90D"),
                Map.entry("hearth.recommendations.factors", "64"),
                Map.entry("hearth.recommendations.iterations", "15"),
                Map.entry("hearth.recommendations.half-life", "P7D"),
                Map.entry("hearth.recommendations.session-window", "PT1H"),
                Map.entry("hearth.recommendations.category-cap", "2"),
                Map.entry("hearth.recommendations.diversity", "0.5"),
                Map.entry("hearth.recommendations.fatigue-limit", "3"),
                Map.entry("hearth.recommendations.max-items", "20"),
                Map.entry("hearth.recommendations.refresh-interval", "PT5S"),
                Map.entry("hearth.recommendations.learn-blend", "false"),
                Map.entry("hearth.recommendations.describe-products", "false"),
                Map.entry("hearth.recommendations.remembered-shoppers", "1000")));

        assertThat(settings)
                .isEqualTo(new RecommendationsSettings(
                        Duration.ofMinutes(10),
                        Duration.ofDays(90),
                        64,
                        15,
                        Duration.ofDays(7),
                        Duration.ofHours(1),
                        2,
                        0.5,
                        3,
                        20,
                        Duration.ofSeconds(5),
                        false,
                        false,
                        1000));
    }

    @Test
    void aDiversityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.recommendations.diversity", "1.5")))
                .isInstanceOf(BindException.class);
    }

    private static RecommendationsSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.recommendations", RecommendationsSettings.class);
    }
}
