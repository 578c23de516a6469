package io.hearth.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JourneySettingsTest {

    @Test
    void defaults() {
        assertThat(bind(Map.of()))
                .isEqualTo(new JourneySettings(
                        Duration.ofSeconds(1),
                        ZoneId.of("UTC"),
                        LocalTime.of(21, 0),
                        LocalTime.of(8, 0),
                        LocalTime.of(10, 0),
                        3,
                        7,
                        2,
                        6,
                        Duration.ofDays(7),
                        5,
                        Duration.ofDays(14),
                        Duration.ofSeconds(30)));
    }

    @Test
    void everySettingMaps() {
        JourneySettings settings = bind(Map.ofEntries(
                Map.entry("hearth.journeys.timer-check", "PT0.5S"),
                Map.entry("hearth.journeys.default-time-zone", "Europe/Berlin"),
                Map.entry("hearth.journeys.quiet-start", "22:00"),
                Map.entry("hearth.journeys.quiet-end", "07:30"),
                Map.entry("hearth.journeys.send-hour", "09:15"),
                Map.entry("hearth.journeys.max-per-day", "2"),
                Map.entry("hearth.journeys.max-per-week", "5"),
                Map.entry("hearth.journeys.max-per-channel-per-day", "1"),
                Map.entry("hearth.journeys.weekly-budget", "4"),
                Map.entry("hearth.journeys.dedupe-window", "P14D"),
                Map.entry("hearth.journeys.global-holdout-percent", "10"),
                Map.entry("hearth.journeys.conversion-window", "P30D"),
                Map.entry("hearth.journeys.schedule-check", "PT5S")));

        assertThat(settings)
                .isEqualTo(new JourneySettings(
                        Duration.ofMillis(500),
                        ZoneId.of("Europe/Berlin"),
                        LocalTime.of(22, 0),
                        LocalTime.of(7, 30),
                        LocalTime.of(9, 15),
                        2,
                        5,
                        1,
                        4,
                        Duration.ofDays(14),
                        10,
                        Duration.ofDays(30),
                        Duration.ofSeconds(5)));
    }

    @Test
    void aHoldoutAboveAHundredPercentIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.journeys.global-holdout-percent", "120")))
                .isInstanceOf(BindException.class);
    }

    private static JourneySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.journeys", JourneySettings.class);
    }
}
