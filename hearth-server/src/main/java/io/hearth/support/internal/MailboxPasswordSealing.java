package io.hearth.support.internal;

import io.hearth.shared.SecretCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * V80: mailbox passwords were stored as plain text. This seals every stored one with the secret key
 * and renames the column to {@code password_sealed}, so no code can read it as plain text by mistake.
 * Java rather than SQL because the key never reaches the database.
 */
@Component
class MailboxPasswordSealing implements JavaMigration {

    private final SecretCipher cipher;

    MailboxPasswordSealing(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("80");
    }

    @Override
    public String getDescription() {
        return "support seal mailbox passwords";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table support_mailbox rename column password to password_sealed");
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select tenant_id, password_sealed from support_mailbox");
                PreparedStatement update = connection.prepareStatement(
                        "update support_mailbox set password_sealed = ? where tenant_id = ?")) {
            while (rows.next()) {
                UUID tenant = rows.getObject("tenant_id", UUID.class);
                update.setString(
                        1, cipher.seal(rows.getString("password_sealed"), SupportSecrets.mailboxContext(tenant)));
                update.setObject(2, tenant);
                update.executeUpdate();
            }
        }
    }
}
