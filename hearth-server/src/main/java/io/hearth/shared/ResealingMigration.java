package io.hearth.shared;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * A repeatable migration whose checksum is the current key's id, so Flyway runs it again exactly when
 * the secret key changes: every value of its columns sealed with a previous key is sealed again with
 * the new one. Each module that stores sealed secrets declares one for its columns.
 */
public abstract class ResealingMigration implements JavaMigration {

    private final SecretCipher cipher;
    private final String description;
    private final List<SealedColumn> columns;

    protected ResealingMigration(SecretCipher cipher, String description, List<SealedColumn> columns) {
        this.cipher = cipher;
        this.description = description;
        this.columns = List.copyOf(columns);
    }

    @Override
    public final @Nullable MigrationVersion getVersion() {
        return null;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return cipher.currentKeyId().hashCode();
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        for (SealedColumn column : columns) {
            column.sealAgain(context.getConnection(), cipher);
        }
    }
}
