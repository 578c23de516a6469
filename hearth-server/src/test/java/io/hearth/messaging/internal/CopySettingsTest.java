package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CopySettingsTest {

    @Test
    void generativeCopyIsOffByDefault() {
        assertThat(bind(Map.of())).isEqualTo(new CopySettings(false, "", "", "", Duration.ofSeconds(10)));
    }

    @Test
    void everySettingBinds() {
        assertThat(bind(Map.of(
                        "hearth.messaging.copy.enabled", "true",
                        "hearth.messaging.copy.base-url", "http://localhost:11434",
                        "hearth.messaging.copy.model", "qwen2.5",
                        "hearth.messaging.copy.api-key", "k",
                        "hearth.messaging.copy.timeout", "PT3S")))
                .isEqualTo(new CopySettings(true, "http://localhost:11434", "qwen2.5", "k", Duration.ofSeconds(3)));
    }

    private static CopySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.messaging.copy", CopySettings.class);
    }
}
