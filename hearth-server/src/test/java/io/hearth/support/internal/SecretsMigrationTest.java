package io.hearth.support.internal;

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

/**
 * A database from before secrets were sealed: its plain-text mailbox password is sealed by the V80
 * migration, and sealed again with the new key when the secret key is rotated.
 */
class SecretsMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void plainTextPasswordsAreSealedAndSealedAgainAfterAKeyRotation() throws Exception {
        byte[] firstKey = randomKey();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            flyway(database, "71").migrate();
            execute(
                    database,
                    "insert into support_mailbox (tenant_id, host, port, ssl, username, password, folder,"
                            + " address, updated_at) values ('" + TENANT + "', 'imap.test', 993, true, 'support',"
                            + " 'plain-app-password', 'INBOX', 'support@shop.test', now())");

            AesGcmSecretCipher first = new AesGcmSecretCipher(firstKey, List.of());
            flyway(database, "latest", new MailboxPasswordSealing(first), new SecretResealing(first))
                    .migrate();

            String sealed = storedPassword(database);
            assertThat(sealed).startsWith("hs1:" + first.currentKeyId()).doesNotContain("plain-app-password");
            assertThat(first.open(sealed, SupportSecrets.mailboxContext(TENANT)))
                    .isEqualTo("plain-app-password");

            byte[] secondKey = randomKey();
            AesGcmSecretCipher rotated = new AesGcmSecretCipher(secondKey, List.of(firstKey));
            flyway(database, "latest", new MailboxPasswordSealing(rotated), new SecretResealing(rotated))
                    .migrate();

            // the previous key can be dropped: everything it sealed is sealed with the new one
            AesGcmSecretCipher newKeyOnly = new AesGcmSecretCipher(secondKey, List.of());
            assertThat(newKeyOnly.open(storedPassword(database), SupportSecrets.mailboxContext(TENANT)))
                    .isEqualTo("plain-app-password");
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

    private static String storedPassword(DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select password_sealed from support_mailbox")) {
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
