package io.hearth.tenancy.internal;

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
 * The signing secrets of Shopify and WooCommerce sources, sealed with the secret key. As V82.1 it seals
 * those stored as plain text before; {@link Resealing}, a repeatable migration whose checksum is the
 * key's id, seals them again whenever the key changes. The column keeps its name so that the lookup
 * function webhooks use ({@code tenancy_find_webhook_source}) stays as it is.
 */
@Component
class SourceSecretSealing implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(SourceSecretSealing.class);

    private final SecretCipher cipher;

    SourceSecretSealing(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("82.1");
    }

    @Override
    public String getDescription() {
        return "tenancy seal source webhook secrets";
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
        rewrite(context.getConnection(), cipher, true);
    }

    /** Seals every source's secret: the plain text ones ({@code plain}) or those of an older key. */
    static void rewrite(Connection connection, SecretCipher cipher, boolean plain) throws Exception {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "select tenant_id, source_id, webhook_secret from tenancy_source where webhook_secret is not null");
                PreparedStatement update = connection.prepareStatement(
                        "update tenancy_source set webhook_secret = ? where tenant_id = ? and source_id = ?")) {
            while (rows.next()) {
                UUID tenant = rows.getObject("tenant_id", UUID.class);
                UUID source = rows.getObject("source_id", UUID.class);
                String stored = rows.getString("webhook_secret");
                String context = TenancyRepository.secretContext(tenant, source);
                if (!plain && !cipher.sealedWithOlderKey(stored)) {
                    continue;
                }
                try {
                    update.setString(1, cipher.seal(plain ? stored : cipher.open(stored, context), context));
                    update.setObject(2, tenant);
                    update.setObject(3, source);
                    update.executeUpdate();
                } catch (SecretCipher.Unreadable e) {
                    log.warn(
                            "the webhook secret of source {} cannot be opened ({}); create the source again",
                            source,
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
            return "tenancy reseal source webhook secrets";
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
