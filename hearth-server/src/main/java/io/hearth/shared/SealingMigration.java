package io.hearth.shared;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * A versioned migration that seals a column's values stored as plain text before, optionally after
 * renaming the column first (so no code can read the sealed value as plain text by mistake).
 */
public abstract class SealingMigration implements JavaMigration {

    private final SecretCipher cipher;
    private final String version;
    private final String description;
    private final @Nullable String renamedFrom;
    private final SealedColumn column;

    /** @param renamedFrom the column's name before this migration, or null when it keeps its name */
    protected SealingMigration(
            SecretCipher cipher,
            String version,
            String description,
            @Nullable String renamedFrom,
            SealedColumn column) {
        this.cipher = cipher;
        this.version = version;
        this.description = description;
        this.renamedFrom = renamedFrom;
        this.column = column;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        if (renamedFrom != null) {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(
                        "alter table " + column.table() + " rename column " + renamedFrom + " to " + column.column());
            }
        }
        column.sealPlainText(context.getConnection(), cipher);
    }
}
