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
                        Duration.ofSeconds(10),
                        new MessagingSettings.Channels(
                                "https://api.twilio.com",
                                "",
                                "",
                                "",
                                "https://fcm.googleapis.com",
                                "",
                                "",
                                Duration.ofSeconds(10))));
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void everySettingMaps() {
        MessagingSettings settings = bind(Map.ofEntries(
                Map.entry("hearth.messaging.public-url", "https://hearth.shop.example"),
                Map.entry("hearth.messaging.channels.sms-base-url", "http://sms.local"),
                Map.entry("hearth.messaging.channels.sms-account", "AC1"),
                Map.entry("hearth.messaging.channels.sms-token", "t1"),
                Map.entry("hearth.messaging.channels.sms-from", "+15550000000"),
                Map.entry("hearth.messaging.channels.push-base-url", "http://push.local"),
                Map.entry("hearth.messaging.channels.push-project", "p1"),
                Map.entry("hearth.messaging.channels.push-token", "t2"),
                Map.entry("hearth.messaging.channels.provider-timeout", "PT3S"),
                Map.entry("hearth.messaging.smtp-host", "smtp.example"),
                Map.entry("hearth.messaging.smtp-port", "587"),
                Map.entry("hearth.messaging.smtp-timeout", "PT5S"),
                Map.entry("hearth.messaging.from", "hello@shop.example"),
                Map.entry("hearth.messaging.max-attempts", "3"),
                Map.entry("hearth.messaging.retry-backoff", "PT30S"),
                Map.entry("hearth.messaging.retry-check", "PT2S")));

        assertThat(settings)
                .isEqualTo(new MessagingSettings(
                        URI.create("https://hearth.shop.example"),
                        "smtp.example",
                        587,
                        Duration.ofSeconds(5),
                        "hello@shop.example",
                        3,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        new MessagingSettings.Channels(
                                "http://sms.local",
                                "AC1",
                                "t1",
                                "+15550000000",
                                "http://push.local",
                                "p1",
                                "t2",
                                Duration.ofSeconds(3))));
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
