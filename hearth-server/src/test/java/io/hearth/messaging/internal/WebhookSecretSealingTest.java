package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.platform.AesGcmSecretCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/** A webhook signing secret stored as plain text before V82 is sealed, and sealed again after a key rotation. */
class WebhookSecretSealingTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void plainTextSigningSecretsAreSealedAndSealedAgainAfterAKeyRotation() throws Exception {
        byte[] firstKey = randomKey();
        byte[] secondKey = randomKey();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            flyway(database, "81").migrate();
            execute(
                    database,
                    "insert into messaging_webhook_endpoint (tenant_id, url, secret, updated_at) values ('" + TENANT
                            + "', 'https://shop.test/hooks', 'whsec_plain', now())");

            AesGcmSecretCipher first = new AesGcmSecretCipher(firstKey, List.of());
            flyway(database, "latest", new WebhookSecretSealing(first), new WebhookSecretSealing.Resealing(first))
                    .migrate();
            String sealed = stored(database);
            assertThat(sealed).startsWith("hs1:").doesNotContain("whsec_plain");
            assertThat(first.open(sealed, WebhookEndpointStore.context(TENANT))).isEqualTo("whsec_plain");

            AesGcmSecretCipher rotated = new AesGcmSecretCipher(secondKey, List.of(firstKey));
            flyway(database, "latest", new WebhookSecretSealing(rotated), new WebhookSecretSealing.Resealing(rotated))
                    .migrate();
            AesGcmSecretCipher newKeyOnly = new AesGcmSecretCipher(secondKey, List.of());
            assertThat(newKeyOnly.open(stored(database), WebhookEndpointStore.context(TENANT)))
                    .isEqualTo("whsec_plain");
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Flyway flyway(DataSource database, String target, JavaMigration... java) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appUser", "hearth_app"))
                .target(target)
                .javaMigrations(java)
                .load();
    }

    private static String stored(DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select secret_sealed from messaging_webhook_endpoint")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
