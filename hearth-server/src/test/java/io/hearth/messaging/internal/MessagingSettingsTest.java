package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessagingSettingsTest {

    @Test
    void defaultsSendThroughALocalRelayAndRetryFiveTimesFromAMinute() {
        MessagingSettings settings = bind(Map.of());

        assertThat(settings)
                .isEqualTo(new MessagingSettings(
                        URI.create("http://localhost:8080"),
                        "localhost",
                        25,
                        Duration.ofSeconds(10),
                        "shop@localhost",
                        5,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(10)));
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void everySettingMaps() {
        MessagingSettings settings = bind(Map.of(
                "hearth.messaging.public-url", "https://hearth.shop.example",
                "hearth.messaging.smtp-host", "smtp.example",
                "hearth.messaging.smtp-port", "587",
                "hearth.messaging.smtp-timeout", "PT5S",
                "hearth.messaging.from", "hello@shop.example",
                "hearth.messaging.max-attempts", "3",
                "hearth.messaging.retry-backoff", "PT30S",
                "hearth.messaging.retry-check", "PT2S"));

        assertThat(settings)
                .isEqualTo(new MessagingSettings(
                        URI.create("https://hearth.shop.example"),
                        "smtp.example",
                        587,
                        Duration.ofSeconds(5),
                        "hello@shop.example",
                        3,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2)));
    }

    @Test
    void zeroAttemptsAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.messaging.max-attempts", "0")))
                .isInstanceOf(BindException.class);
    }

    private static MessagingSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.messaging", MessagingSettings.class);
    }
}
