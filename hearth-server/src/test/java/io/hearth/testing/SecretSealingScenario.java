package io.hearth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.platform.AesGcmSecretCipher;
import io.hearth.shared.SecretCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A database from before a column's secrets were sealed, taken through the sealing migration with one
 * key and then through a key rotation: the plain-text value must come out sealed (and not readable in
 * the row), and after the rotation it must open with the new key alone.
 *
 * @param schemaBefore the last migration version before the sealing one
 * @param rowsBefore statements that store the plain-text secret as the old schema did
 * @param readSealed a query for the one stored (sealed) value
 * @param migrations the module's Java migrations, built with the given cipher
 */
public record SecretSealingScenario(
        String schemaBefore,
        List<String> rowsBefore,
        String readSealed,
        String plainText,
        String context,
        Function<SecretCipher, List<JavaMigration>> migrations) {

    public void check() throws Exception {
        byte[] firstKey = randomKey();
        byte[] secondKey = randomKey();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            migrate(database, schemaBefore, List.of());
            for (String row : rowsBefore) {
                execute(database, row);
            }

            AesGcmSecretCipher first = new AesGcmSecretCipher(firstKey, List.of());
            migrate(database, "latest", migrations.apply(first));
            String sealed = stored(database);
            assertThat(sealed).startsWith("hs1:" + first.currentKeyId()).doesNotContain(plainText);
            assertThat(first.open(sealed, context)).isEqualTo(plainText);

            AesGcmSecretCipher rotated = new AesGcmSecretCipher(secondKey, List.of(firstKey));
            migrate(database, "latest", migrations.apply(rotated));
            // the previous key can be dropped: everything it sealed is sealed with the new one
            AesGcmSecretCipher newKeyOnly = new AesGcmSecretCipher(secondKey, List.of());
            assertThat(newKeyOnly.open(stored(database), context)).isEqualTo(plainText);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void migrate(DataSource database, String target, List<JavaMigration> java) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appUser", "hearth_app"))
                .target(target)
                .javaMigrations(java.toArray(JavaMigration[]::new))
                .load()
                .migrate();
    }

    private String stored(DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(readSealed)) {
            assertThat(row.next()).as("a stored value for %s", readSealed).isTrue();
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
