package io.hearth.tenancy.internal;

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

/** A Shopify source's signing secret stored as plain text before V82.1 is sealed, and sealed again after a key rotation. */
class SourceSecretSealingTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SOURCE = UUID.randomUUID();

    @Test
    void plainTextSourceSecretsAreSealedAndSealedAgainAfterAKeyRotation() throws Exception {
        byte[] firstKey = randomKey();
        byte[] secondKey = randomKey();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            flyway(database, "81").migrate();
            execute(
                    database,
                    "insert into tenancy_tenant (tenant_id, name, created_at) values ('" + TENANT
                            + "', 'shop', now())");
            execute(
                    database,
                    "insert into tenancy_source (tenant_id, source_id, name, kind, webhook_secret,"
                            + " rate_per_second, created_at) values ('" + TENANT + "', '" + SOURCE
                            + "', 'shopify', 'shopify', 'shpss_plain', 100, now())");

            AesGcmSecretCipher first = new AesGcmSecretCipher(firstKey, List.of());
            flyway(database, "latest", new SourceSecretSealing(first), new SourceSecretSealing.Resealing(first))
                    .migrate();
            String sealed = stored(database);
            assertThat(sealed).startsWith("hs1:").doesNotContain("shpss_plain");
            assertThat(first.open(sealed, TenancyRepository.secretContext(TENANT, SOURCE)))
                    .isEqualTo("shpss_plain");

            AesGcmSecretCipher rotated = new AesGcmSecretCipher(secondKey, List.of(firstKey));
            flyway(database, "latest", new SourceSecretSealing(rotated), new SourceSecretSealing.Resealing(rotated))
                    .migrate();
            AesGcmSecretCipher newKeyOnly = new AesGcmSecretCipher(secondKey, List.of());
            assertThat(newKeyOnly.open(stored(database), TenancyRepository.secretContext(TENANT, SOURCE)))
                    .isEqualTo("shpss_plain");
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
                ResultSet row = statement.executeQuery("select webhook_secret from tenancy_source")) {
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
