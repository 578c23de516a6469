package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConsumerSettingsTest {

    @Test
    void defaults() {
        assertThat(bind(Map.of()))
                .isEqualTo(new ConsumerSettings(8, 32, 50_000, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    @Test
    void everySettingMaps() {
        assertThat(bind(Map.of(
                        "hearth.ingestion.consumers.threads", "2",
                        "hearth.ingestion.consumers.queue", "8",
                        "hearth.ingestion.consumers.handover-events", "1000",
                        "hearth.ingestion.consumers.retry-interval", "PT5S",
                        "hearth.ingestion.consumers.retry-after", "1m")))
                .isEqualTo(new ConsumerSettings(2, 8, 1000, Duration.ofSeconds(5), Duration.ofMinutes(1)));
    }

    @Test
    void noThreadIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.ingestion.consumers.threads", "0")))
                .isInstanceOf(BindException.class);
    }

    private static ConsumerSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.ingestion.consumers", ConsumerSettings.class);
    }
}
