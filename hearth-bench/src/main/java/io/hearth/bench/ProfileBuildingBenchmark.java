package io.hearth.bench;

import io.hearth.bench.IngestionBenchmark.Throughput;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What profile building costs, against baselines measured in the same run: ingestion alone (profiles
 * off), and optionally an older build of the server with profiles on. Each server runs as its own
 * process on a fresh embedded database, one after the other, under the same load: {@code clients}
 * senders posting {@code /v1/batch} for {@code seconds} after a warm-up (10 s, or {@code
 * -Dprofiles.warmup}). With profiles on, the clock stops when every stored event is in a profile, so
 * the rate counts work finished, not queued.
 *
 * <p>Usage: {@code ProfileBuildingBenchmark [server jar] [older server jar or -] [clients] [batch size]
 * [seconds]}
 */
public final class ProfileBuildingBenchmark {

    private ProfileBuildingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        Path older = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 250;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        Path runDir = Files.createTempDirectory("hearth-profile-bench");
        System.out.println("server logs in " + runDir);
        Load load = new Load(clients, batchSize, Duration.ofSeconds(seconds));
        if (Boolean.getBoolean("profiles.only")) {
            row(
                    "with profiles, this build, until every event is in a profile",
                    load.run(jar, runDir.resolve("profiles"), true, 6_000_000_000L));
            return;
        }
        Result alone = load.run(jar, runDir.resolve("ingestion"), false, 0);
        Result before = older == null ? null : load.run(older, runDir.resolve("older"), true, 3_000_000_000L);
        Result after = load.run(jar, runDir.resolve("profiles"), true, 6_000_000_000L);
        System.out.println();
        System.out.println("| measure | events/s | CPU s per 1,000 events | of which PostgreSQL |");
        System.out.println("|---|---|---|---|");
        row("ingestion alone (profiles off)", alone);
        if (before != null) {
            row("with profiles, older build, until every event is in a profile", before);
        }
        row("with profiles, this build, until every event is in a profile", after);
        if (before != null) {
            ratio("older build with profiles / ingestion alone", before, alone);
        }
        ratio("this build with profiles / ingestion alone", after, alone);
        if (before != null) {
            ratio("this build / older build, with profiles", after, before);
        }
    }

    private static void row(String measure, Result result) {
        Throughput throughput = result.throughput();
        System.out.printf(
                Locale.ROOT,
                "| %s | %,.0f (%,d events, %,d failed, %.1f s) | %.3f | %.3f |%n",
                measure,
                throughput.rate(),
                throughput.events(),
                throughput.failed(),
                throughput.seconds(),
                result.cpuPerThousand(),
                result.databaseCpuPerThousand());
    }

    /** Rates as measured, and as the CPU each event took implies (the inverse ratio of CPU per event). */
    private static void ratio(String measure, Result numerator, Result denominator) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f %% | %.0f %% (rate the CPU cost implies) | |%n",
                measure,
                100 * numerator.throughput().rate() / denominator.throughput().rate(),
                100 * denominator.cpuPerThousand() / numerator.cpuPerThousand());
    }

    /**
     * Waits until the profiles hold every acknowledged event (message ids are unique, so each one was
     * stored). Counting one table four times a second keeps the polling's own cost out of the figures.
     */
    private static void awaitProfiles(ServerUnderTest server, long acknowledged) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery("select count(*) from profiles_event")) {
                    rows.next();
                    if (rows.getLong(1) >= acknowledged) {
                        return;
                    }
                }
                Thread.sleep(250);
            }
        }
    }

    /** A measured run: its throughput and the CPU the server and its database spent on it. */
    private record Result(Throughput throughput, double cpuSeconds, double databaseCpuSeconds) {
        double cpuPerThousand() {
            return 1000 * cpuSeconds / throughput.events();
        }

        /** The embedded PostgreSQL's part of {@link #cpuPerThousand()}: the rest is the server's JVM. */
        double databaseCpuPerThousand() {
            return 1000 * databaseCpuSeconds / throughput.events();
        }
    }

    /**
     * {@code -Dprofiles.diagnose=true}: each server records a flight recording next to its data, and the
     * database's table and index statistics of the finished run are written beside it, to find where
     * the time goes. Not for measuring: the recording costs CPU of its own.
     */
    private static final boolean DIAGNOSE = Boolean.getBoolean("profiles.diagnose");

    /**
     * {@code -Dprofiles.warmup=PT45S}: how long each server takes load before the measured window. The
     * default 10 s leaves the JIT compiling through the window (a quarter of the CPU of a with-profiles
     * run on 2026-12-08), more so with profiles on, which runs more code.
     */
    private static final Duration WARM_UP = Duration.parse(System.getProperty("profiles.warmup", "PT10S"));

    /** The statistics of the finished run that show which tables and indexes did the reading. */
    private static final class Diagnosis {

        /** Statement statistics start at the measured window (the server was started with them preloaded). */
        static void resetStatements(ServerUnderTest server) throws Exception {
            try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                    Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
                statement.execute("select pg_stat_statements_reset()");
            }
        }

        static void write(ServerUnderTest server, Path dataDir) throws Exception {
            StringBuilder out = new StringBuilder();
            try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                    Statement statement = connection.createStatement()) {
                dump(statement, out, """
                        select calls, round(total_exec_time::numeric, 1) as total_ms,
                               round((total_exec_time / calls)::numeric, 3) as mean_ms, rows,
                               shared_blks_hit + shared_blks_read as blocks, wal_bytes,
                               regexp_replace(left(query, 300), '\\s+', ' ', 'g') as query
                        from pg_stat_statements order by total_exec_time desc limit 40
                        """);
                dump(statement, out, """
                        select relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd,
                               n_tup_hot_upd, n_tup_del, n_live_tup
                        from pg_stat_user_tables order by coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) desc
                        """);
                dump(statement, out, """
                        select relname, indexrelname, idx_scan, idx_tup_read, idx_tup_fetch
                        from pg_stat_user_indexes where idx_scan > 0 order by idx_tup_read desc
                        """);
            }
            Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-stats.txt"), out);
        }

        private static void dump(Statement statement, StringBuilder out, String sql) throws Exception {
            try (ResultSet rows = statement.executeQuery(sql)) {
                int columns = rows.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    out.append(rows.getMetaData().getColumnName(c)).append(c < columns ? "\t" : "\n");
                }
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        out.append(rows.getString(c)).append(c < columns ? "\t" : "\n");
                    }
                }
            }
            out.append('\n');
        }
    }

    /** The same load against one server process. */
    private record Load(int clients, int batchSize, Duration duration) {

        Result run(Path jar, Path dataDir, boolean profiles, long firstSequence) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            EventFactory events = new EventFactory();
            Map<String, String> environment = new HashMap<>();
            if (!profiles) {
                environment.put("HEARTH_PROFILES_ENABLED", "false");
            }
            if (DIAGNOSE) {
                environment.put(
                        "JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + dataDir + ".jfr");
                environment.put("HEARTH_DB_STATEMENT_STATS", "true");
            }
            try (ServerUnderTest server = ServerUnderTest.start(jar, dataDir, "2g", environment)) {
                System.out.println(jar.getFileName() + (profiles ? " with" : " without") + " profiles: warming up…");
                Throughput warmUp =
                        IngestionBenchmark.batches(http, server, events, clients, batchSize, WARM_UP, firstSequence);
                if (profiles) {
                    awaitProfiles(server, warmUp.events());
                }
                if (DIAGNOSE) {
                    Diagnosis.resetStatements(server);
                }
                double cpuBefore = server.cpuSeconds();
                double databaseBefore = server.databaseCpuSeconds();
                long start = System.nanoTime();
                Throughput sent = IngestionBenchmark.batches(
                        http, server, events, clients, batchSize, duration, firstSequence + 1_000_000_000L);
                if (profiles) {
                    awaitProfiles(server, warmUp.events() + sent.events());
                }
                double cpu = server.cpuSeconds() - cpuBefore;
                double database = server.databaseCpuSeconds() - databaseBefore;
                if (DIAGNOSE) {
                    Diagnosis.write(server, dataDir);
                }
                return new Result(
                        new Throughput(sent.events(), sent.failed(), (System.nanoTime() - start) / 1e9), cpu, database);
            }
        }
    }
}
