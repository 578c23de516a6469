package io.hearth.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DemoSettingsTest {

    @Test
    void theDemoTenantIsOnWithGeneratedKeysByDefault() {
        DemoSettings settings = bind(Map.of());

        assertThat(settings).isEqualTo(new DemoSettings(true, null, null));
    }

    @Test
    void keysAndSwitchMap() {
        DemoSettings settings = bind(Map.of(
                "hearth.demo.enabled", "false", "hearth.demo.write-key", "hw_x", "hearth.demo.admin-key", "hk_y"));

        assertThat(settings).isEqualTo(new DemoSettings(false, "hw_x", "hk_y"));
    }

    private static DemoSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.demo", DemoSettings.class);
    }
}
