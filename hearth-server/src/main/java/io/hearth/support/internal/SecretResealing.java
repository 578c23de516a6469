package io.hearth.support.internal;

import io.hearth.shared.SecretCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A repeatable migration whose checksum is the current key's id, so Flyway runs it again exactly when
 * the secret key changes: every support secret sealed with a previous key is sealed again with the
 * new one, after which the previous key can be dropped. A value no configured key opens (the key is
 * lost) is left as it is and logged; the server still starts, and that secret must be set again.
 */
@Component
class SecretResealing implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SecretResealing.class);

    private final SecretCipher cipher;

    SecretResealing(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public @Nullable MigrationVersion getVersion() {
        return null;
    }

    @Override
    public String getDescription() {
        return "support reseal secrets";
    }

    @Override
    public Integer getChecksum() {
        return cipher.currentKeyId().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        reseal(connection, "support_mailbox", "password_sealed", SupportSecrets::mailboxContext);
        reseal(connection, "support_widget_secret", "secret_sealed", SupportSecrets::widgetContext);
        reseal(connection, "support_widget_secret", "previous_sealed", SupportSecrets::widgetContext);
    }

    private void reseal(Connection connection, String table, String column, Function<UUID, String> context)
            throws Exception {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "select tenant_id, " + column + " from " + table + " where " + column + " is not null");
                PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set " + column + " = ? where tenant_id = ?")) {
            while (rows.next()) {
                UUID tenant = rows.getObject("tenant_id", UUID.class);
                String sealed = rows.getString(column);
                if (!cipher.sealedWithOlderKey(sealed)) {
                    continue;
                }
                try {
                    String plain = cipher.open(sealed, context.apply(tenant));
                    update.setString(1, cipher.seal(plain, context.apply(tenant)));
                    update.setObject(2, tenant);
                    update.executeUpdate();
                } catch (SecretCipher.Unreadable e) {
                    log.warn(
                            "{}.{} of tenant {} cannot be opened ({}); set it again",
                            table,
                            column,
                            tenant,
                            e.getMessage());
                }
            }
        }
    }
}
