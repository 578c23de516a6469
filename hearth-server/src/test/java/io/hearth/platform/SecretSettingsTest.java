package io.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecretSettingsTest {

    @Test
    void noKeyAndNoPreviousKeysByDefault() {
        assertThat(bind(Map.of())).isEqualTo(new SecretSettings(null, List.of()));
    }

    @Test
    void theKeyAndThePreviousKeysMap() {
        SecretSettings settings = bind(Map.of("hearth.secret.key", "bmV3", "hearth.secret.previous", "b2xk,b2xkZXI="));

        assertThat(settings).isEqualTo(new SecretSettings("bmV3", List.of("b2xk", "b2xkZXI=")));
    }

    private static SecretSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.secret", SecretSettings.class);
    }
}
