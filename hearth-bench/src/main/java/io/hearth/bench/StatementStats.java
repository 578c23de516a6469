package io.hearth.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The database's per-statement figures (pg_stat_statements) over a measured window, for finding
 * which statements the server's PostgreSQL CPU goes to. The server must have been started with
 * {@code HEARTH_DB_STATEMENT_STATS=true} in its environment, which preloads the extension.
 */
final class StatementStats {

    private StatementStats() {}

    /** Starts the window: statistics gathered before now are dropped. */
    static void reset(ServerUnderTest server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** Prints the tables autovacuum and autoanalyze worked on most, with their dead rows. */
    static void printVacuums(ServerUnderTest server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select relname, autovacuum_count, autoanalyze_count, n_live_tup, n_dead_tup
                        from pg_stat_user_tables order by autovacuum_count + autoanalyze_count desc limit 10
                        """)) {
            System.out.printf(
                    "%n| table | autovacuums | autoanalyzes | live rows | dead rows |%n|---|---|---|---|---|%n");
            while (rows.next()) {
                System.out.printf(
                        "| %s | %d | %d | %d | %d |%n",
                        rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
            }
        }
    }

    /** Prints the statements that took the most execution time since {@link #reset}, as a table. */
    static void print(ServerUnderTest server, int limit) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select calls, round(total_exec_time::numeric, 1), round((total_exec_time / calls)::numeric, 3),
                               rows, regexp_replace(left(query, 160), '\\s+', ' ', 'g')
                        from pg_stat_statements order by total_exec_time desc limit %d
                        """.formatted(limit))) {
            System.out.printf("%n| calls | total ms | mean ms | rows | statement |%n|---|---|---|---|---|%n");
            while (rows.next()) {
                System.out.printf(
                        "| %d | %s | %s | %d | `%s` |%n",
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getLong(4),
                        rows.getString(5).replace("|", "\\|"));
            }
        }
    }
}
