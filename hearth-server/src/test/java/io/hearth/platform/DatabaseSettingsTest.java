package io.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DatabaseSettingsTest {

    @Test
    void defaultsRunTheEmbeddedDatabaseUnderHearthData() {
        DatabaseSettings settings = bind(Map.of());

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.dataDir().normalize()).isEqualTo(Path.of("hearth-data"));
        assertThat(settings.user()).isEqualTo("postgres");
        assertThat(settings.appUser()).isEqualTo("hearth_app");
        assertThat(settings.embeddedPort()).isZero();
        assertThat(settings.poolSize()).isEqualTo(16);
        assertThat(settings.attachToRunning()).isFalse();
    }

    @Test
    void everyPropertyMaps() {
        DatabaseSettings settings = bind(Map.of(
                "hearth.db.data-dir", "/var/lib/hearth",
                "hearth.db.url", "jdbc:postgresql://db/hearth",
                "hearth.db.user", "owner",
                "hearth.db.password", "secret",
                "hearth.db.app-user", "app",
                "hearth.db.app-password", "app-secret",
                "hearth.db.embedded-port", "5544",
                "hearth.db.pool-size", "32",
                "hearth.db.attach-to-running", "true"));

        assertThat(settings)
                .isEqualTo(new DatabaseSettings(
                        Path.of("/var/lib/hearth"),
                        "jdbc:postgresql://db/hearth",
                        "owner",
                        "secret",
                        "app",
                        "app-secret",
                        5544,
                        32,
                        true));
        assertThat(settings.embedded()).isFalse();
    }

    private static DatabaseSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.db", DatabaseSettings.class);
    }
}
