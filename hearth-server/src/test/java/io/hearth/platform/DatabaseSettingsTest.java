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
        assertThat(settings.embeddedFsync()).isTrue();
    }

    @Test
    void everyPropertyMaps() {
        DatabaseSettings settings = bind(Map.ofEntries(
                Map.entry("hearth.db.data-dir", "/var/lib/hearth"),
                Map.entry("hearth.db.url", "jdbc:postgresql://db/hearth"),
                Map.entry("hearth.db.user", "owner"),
                Map.entry("hearth.db.password", "secret"),
                Map.entry("hearth.db.app-user", "app"),
                Map.entry("hearth.db.app-password", "app-secret"),
                Map.entry("hearth.db.embedded-port", "5544"),
                Map.entry("hearth.db.pool-size", "32"),
                Map.entry("hearth.db.attach-to-running", "true"),
                Map.entry("hearth.db.embedded-fsync", "false")));

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
                        true,
                        false));
        assertThat(settings.embedded()).isFalse();
    }

    private static DatabaseSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.db", DatabaseSettings.class);
    }
}
