package io.hearth.messaging.internal;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The webhook channel's signing secrets, sealed with the secret key. As V82 it seals the plain-text
 * secrets stored before and renames the column to {@code secret_sealed}; {@link Resealing}, a
 * repeatable migration whose checksum is the key's id, seals them again whenever the key changes.
 */
@Component
class WebhookSecretSealing implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretSealing.class);

    private final SecretCipher cipher;

    WebhookSecretSealing(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("82");
    }

    @Override
    public String getDescription() {
        return "messaging seal webhook secrets";
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
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table messaging_webhook_endpoint rename column secret to secret_sealed");
        }
        rewrite(context.getConnection(), cipher, true);
    }

    /** Seals every row's secret: the plain text ones ({@code plain}) or those of an older key. */
    static void rewrite(Connection connection, SecretCipher cipher, boolean plain) throws Exception {
        try (Statement select = connection.createStatement();
                ResultSet rows =
                        select.executeQuery("select tenant_id, secret_sealed from messaging_webhook_endpoint");
                PreparedStatement update = connection.prepareStatement(
                        "update messaging_webhook_endpoint set secret_sealed = ? where tenant_id = ?")) {
            while (rows.next()) {
                UUID tenant = rows.getObject("tenant_id", UUID.class);
                String stored = rows.getString("secret_sealed");
                String context = WebhookEndpointStore.context(tenant);
                if (!plain && !cipher.sealedWithOlderKey(stored)) {
                    continue;
                }
                try {
                    String secret = plain ? stored : cipher.open(stored, context);
                    update.setString(1, cipher.seal(secret, context));
                    update.setObject(2, tenant);
                    update.executeUpdate();
                } catch (SecretCipher.Unreadable e) {
                    log.warn(
                            "the webhook secret of tenant {} cannot be opened ({}); configure the endpoint again",
                            tenant,
                            e.getMessage());
                }
            }
        }
    }

    /** Runs again exactly when the secret key changes (its checksum is the key's id). */
    @Component
    static class Resealing implements JavaMigration {

        private final SecretCipher cipher;

        Resealing(SecretCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public @Nullable MigrationVersion getVersion() {
            return null;
        }

        @Override
        public String getDescription() {
            return "messaging reseal webhook secrets";
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
            rewrite(context.getConnection(), cipher, false);
        }
    }
}
