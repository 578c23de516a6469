package io.hearth.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A column of secrets sealed with {@link SecretCipher}, with the uuid columns that pick its rows and
 * the sealing context each row's value is bound to. Migrations use it to seal values stored as plain
 * text before, and to seal them again with a new key; both run in Java because the key never reaches
 * the database.
 *
 * @param keys the columns that identify a row, in the order {@code context} expects their values
 */
public record SealedColumn(String table, String column, List<String> keys, Function<List<UUID>, String> context) {

    private static final Logger log = LoggerFactory.getLogger(SealedColumn.class);

    public SealedColumn {
        keys = List.copyOf(keys);
    }

    /** Seals every stored value, all of which are plain text. */
    public void sealPlainText(Connection connection, SecretCipher cipher) throws SQLException {
        rewrite(connection, (stored, context) -> cipher.seal(stored, context));
    }

    /**
     * Seals again every value sealed with an older key, so that key can be dropped. A value no
     * configured key opens (the key is lost) is left as it is and logged: the server still starts,
     * and that secret must be set again.
     */
    public void sealAgain(Connection connection, SecretCipher cipher) throws SQLException {
        rewrite(connection, (stored, context) -> {
            if (!cipher.sealedWithOlderKey(stored)) {
                return null;
            }
            try {
                return cipher.seal(cipher.open(stored, context), context);
            } catch (SecretCipher.Unreadable e) {
                log.warn("{}.{} of {} cannot be opened ({}); set it again", table, column, context, e.getMessage());
                return null;
            }
        });
    }

    private interface Rewrite {
        /** The new value to store, or null to leave the row as it is. */
        String apply(String stored, String context);
    }

    private void rewrite(Connection connection, Rewrite rewrite) throws SQLException {
        String keyList = String.join(", ", keys);
        String match =
                String.join(" and ", keys.stream().map(key -> key + " = ?").toList());
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "select " + keyList + ", " + column + " from " + table + " where " + column + " is not null");
                PreparedStatement update =
                        connection.prepareStatement("update " + table + " set " + column + " = ? where " + match)) {
            while (rows.next()) {
                List<UUID> key = new ArrayList<>(keys.size());
                for (String name : keys) {
                    key.add(rows.getObject(name, UUID.class));
                }
                String rewritten = rewrite.apply(rows.getString(column), context.apply(key));
                if (rewritten == null) {
                    continue;
                }
                update.setString(1, rewritten);
                for (int i = 0; i < key.size(); i++) {
                    update.setObject(i + 2, key.get(i));
                }
                update.executeUpdate();
            }
        }
    }
}
