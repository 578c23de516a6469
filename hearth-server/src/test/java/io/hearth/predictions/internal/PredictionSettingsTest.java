package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PredictionSettingsTest {

    @Test
    void forecastsAYearAndAlertsOnChurnAboveSevenTenthsByDefault() {
        assertThat(bind(Map.of()))
                .isEqualTo(new PredictionSettings(
                        12,
                        0.01,
                        Duration.ofDays(90),
                        Duration.ofDays(90),
                        20,
                        5,
                        0.7,
                        40,
                        Duration.ofDays(3),
                        0.2,
                        Duration.ofMinutes(10),
                        Duration.ofDays(1),
                        Duration.ofMinutes(1),
                        200,
                        Duration.ofSeconds(1),
                        100_000));
    }

    @Test
    void everySettingMaps() {
        PredictionSettings settings = bind(Map.ofEntries(
                Map.entry("hearth.predictions.horizon-months", "24"),
                Map.entry("hearth.predictions.monthly-discount-rate", "0.02"),
                Map.entry("hearth.predictions.churn-horizon", "P60D"),
                Map.entry("hearth.predictions.holdout", "P30D"),
                Map.entry("hearth.predictions.min-customers", "50"),
                Map.entry("hearth.predictions.min-repeat-buyers", "10"),
                Map.entry("hearth.predictions.churn-risk-threshold", "0.8"),
                Map.entry("hearth.predictions.health-alert-below", "30"),
                Map.entry("hearth.predictions.replenishment-due-within", "P7D"),
                Map.entry("hearth.predictions.drift-threshold", "0.25"),
                Map.entry("hearth.predictions.first-training-after", "PT1H"),
                Map.entry("hearth.predictions.retrain-every", "PT12H"),
                Map.entry("hearth.predictions.model-refresh", "PT5M"),
                Map.entry("hearth.predictions.rescore-batch-limit", "50"),
                Map.entry("hearth.predictions.rescore-delay", "PT5S"),
                Map.entry("hearth.predictions.rescore-pending-limit", "1000")));

        assertThat(settings)
                .isEqualTo(new PredictionSettings(
                        24,
                        0.02,
                        Duration.ofDays(60),
                        Duration.ofDays(30),
                        50,
                        10,
                        0.8,
                        30,
                        Duration.ofDays(7),
                        0.25,
                        Duration.ofHours(1),
                        Duration.ofHours(12),
                        Duration.ofMinutes(5),
                        50,
                        Duration.ofSeconds(5),
                        1000));
    }

    @Test
    void aChurnThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.predictions.churn-risk-threshold", "1.5")))
                .isInstanceOf(BindException.class);
    }

    private static PredictionSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.predictions", PredictionSettings.class);
    }
}
