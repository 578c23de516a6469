package io.hearth.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The tables a run read most rows from by sequential scan, from PostgreSQL's own statistics: where a
 * database's CPU per operation is far above a raw insert's, a scan that should have been an index
 * lookup is the usual reason. Printed only with {@code -Dhearth.bench.table-scans=true}.
 */
final class TableScans {

    private TableScans() {}

    static void printIfAsked(ServerUnderTest server) {
        if (!Boolean.getBoolean("hearth.bench.table-scans")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) as idx_scan,
                            n_tup_ins, n_tup_upd, n_tup_del
                        from pg_stat_user_tables order by seq_tup_read desc, seq_scan desc limit 15""")) {
            System.out.println(
                    "| table | sequential scans | rows read by them | index scans | inserted | updated | deleted |");
            System.out.println("|---|---|---|---|---|---|---|");
            while (rows.next()) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %,d | %,d | %,d | %,d | %,d | %,d |%n",
                        rows.getString(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        rows.getLong(5),
                        rows.getLong(6),
                        rows.getLong(7));
            }
        } catch (SQLException e) {
            System.out.println("table statistics not read: " + e);
        }
    }
}
