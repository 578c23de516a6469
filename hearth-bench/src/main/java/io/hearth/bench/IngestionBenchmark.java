package io.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Ingestion throughput and latency over loopback, against the practical limit measured in the same
 * run: a raw PostgreSQL COPY of the same rows into the same table of the same database. Besides
 * rates it reports the CPU seconds the server and its PostgreSQL spent per 1,000 events, which a
 * machine shared with other work changes far less than the wall clock. With an older server jar,
 * that build is measured first under the same load, so the two can be compared within one run.
 *
 * <p>Usage: {@code IngestionBenchmark [server jar] [clients] [batch size] [seconds] [track rate/s]
 * [older server jar or -] [profiles|no-profiles]}
 */
public final class IngestionBenchmark {

    /** With HEARTH_DB_STATEMENT_STATS=true in the environment: what each statement cost during the batches. */
    private static final boolean STATEMENTS = Boolean.getBoolean("hearth.bench.statements");

    private IngestionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int trackRate = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        Path older = args.length > 5 && !args[5].equals("-") ? Path.of(args[5]) : null;
        boolean profiles = args.length <= 6 || !args[6].equals("no-profiles");
        Path runDir = Files.createTempDirectory("hearth-bench");
        System.out.println("server logs in " + runDir);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        EventFactory events = new EventFactory();
        Load load = new Load(http, events, clients, batchSize, Duration.ofSeconds(seconds), trackRate);
        Build before = older == null ? null : load.measure("older build", older, runDir.resolve("older"));
        Build after = load.measure("this build", jar, runDir.resolve("ingestion"));
        Throughput withProfiles = profiles ? withProfiles(load, jar, runDir.resolve("profiles")) : null;
        report(load, before, after, withProfiles);
    }

    /** The same load against one build, on a fresh database, with profiles off. */
    record Load(HttpClient http, EventFactory events, int clients, int batchSize, Duration duration, int trackRate) {

        Build measure(String name, Path jar, Path dataDir) throws Exception {
            try (ServerUnderTest server =
                    ServerUnderTest.start(jar, dataDir, "2g", Map.of("HEARTH_PROFILES_ENABLED", "false"))) {
                long first = (name.equals("older build") ? 5_000_000_000L : 0);
                System.out.println(name + ": warming up, then " + duration.toSeconds() + " s of batches…");
                batches(http, server, events, clients, batchSize, Duration.ofSeconds(10), first);
                if (STATEMENTS) {
                    StatementStats.reset(server);
                }
                double cpuBefore = server.cpuSeconds();
                double databaseBefore = server.databaseCpuSeconds() + server.reapedDatabaseCpuSeconds();
                Throughput batch = batches(http, server, events, clients, batchSize, duration, first + 1_000_000_000L);
                double batchCpu = server.cpuSeconds() - cpuBefore;
                double batchDatabase = server.databaseCpuSeconds() + server.reapedDatabaseCpuSeconds() - databaseBefore;
                System.out.printf(
                        Locale.ROOT,
                        "%s: of the CPU per 1,000 batch events, PostgreSQL %.3f s, the server's JVM %.3f s%n",
                        name,
                        1000 * batchDatabase / Math.max(1, batch.events()),
                        1000 * (batchCpu - batchDatabase) / Math.max(1, batch.events()));
                if (STATEMENTS) {
                    StatementStats.print(server, 15);
                }
                cpuBefore = server.cpuSeconds();
                double copyRate = copyRate(server, events, batch.events());
                double copyCpu = server.cpuSeconds() - cpuBefore;
                System.out.println(name + ": single /v1/track calls at " + trackRate + "/s…");
                TrackLatency.measure(http, server, events, trackRate, Duration.ofSeconds(5), first + 2_500_000_000L);
                cpuBefore = server.cpuSeconds();
                Latency track = TrackLatency.measure(
                        http, server, events, trackRate, Duration.ofSeconds(15), first + 2_000_000_000L);
                double trackCpu = server.cpuSeconds() - cpuBefore;
                return new Build(
                        name,
                        batch,
                        1000 * batchCpu / Math.max(1, batch.events()),
                        copyRate,
                        1000 * copyCpu / Math.max(1, batch.events()),
                        track,
                        1000 * trackCpu / Math.max(1, track.sent()));
            }
        }
    }

    /** What one build achieved; CPU is of the server process and its PostgreSQL, per 1,000 events. */
    record Build(
            String name,
            Throughput batch,
            double batchCpuPerThousand,
            double copyRate,
            double copyCpuPerThousand,
            Latency track,
            double trackCpuPerThousand) {}

    private static Throughput withProfiles(Load load, Path jar, Path dataDir) throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(jar, dataDir, "2g", Map.of())) {
            System.out.println("this build with profiles: warming up, then "
                    + load.duration().toSeconds() + " s of batches…");
            batches(
                    load.http(),
                    server,
                    load.events(),
                    load.clients(),
                    load.batchSize(),
                    Duration.ofSeconds(10),
                    3_000_000_000L);
            awaitProfiles(server);
            long start = System.nanoTime();
            Throughput sent = batches(
                    load.http(),
                    server,
                    load.events(),
                    load.clients(),
                    load.batchSize(),
                    load.duration(),
                    4_000_000_000L);
            awaitProfiles(server);
            return new Throughput(sent.events(), sent.failed(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** Waits until every stored event is resolved to a profile: the rate counts work finished, not queued. */
    static void awaitProfiles(ServerUnderTest server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            while (count(statement, "select count(*) from profiles_event")
                    < count(statement, "select count(*) from ingestion_event")) {
                Thread.sleep(100);
            }
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Throughput batches(
            HttpClient http,
            ServerUnderTest server,
            EventFactory events,
            int clients,
            int batchSize,
            Duration duration,
            long firstSequence)
            throws Exception {
        AtomicLong sequence = new AtomicLong(firstSequence);
        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                senders.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String body = events.batch(sequence.getAndAdd(batchSize), batchSize);
                        int status = post(http, server.baseUrl() + "/v1/batch", body);
                        (status == 200 ? stored : failed).addAndGet(batchSize);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Throughput(stored.get(), failed.get(), elapsed);
    }

    static int post(HttpClient http, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((ServerUnderTest.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** The same number of rows, shaped as Hearth stores them, COPYed into the same partitioned table. */
    private static double copyRate(ServerUnderTest server, EventFactory events, long rows) throws Exception {
        String tenant = "00000000-0000-4000-8000-00000000d3e0";
        String source = UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl())) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            long copied = copy.copyIn(
                    "COPY ingestion_event (tenant_id, event_id, source_id, message_id, type, event, user_id, "
                            + "anonymous_id, occurred_at, received_at, payload) FROM STDIN",
                    new CopyRows(events, rows, tenant, source));
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement cleanup = connection.createStatement()) {
                cleanup.execute("DELETE FROM ingestion_event WHERE source_id = '" + source + "'");
            }
            return copied / seconds;
        }
    }

    private static void report(Load load, Build before, Build after, Throughput withProfiles) {
        System.out.println();
        System.out.println("| measure | " + (before != null ? "older build | " : "") + "this build |");
        System.out.println("|---|" + (before != null ? "---|" : "") + "---|");
        row(
                before,
                after,
                "/v1/batch, " + load.clients() + " clients x " + load.batchSize() + " events",
                build -> String.format(
                        Locale.ROOT,
                        "%,.0f events/s (%,d stored, %,d failed, %.1f s)",
                        build.batch().rate(),
                        build.batch().events(),
                        build.batch().failed(),
                        build.batch().seconds()));
        row(
                before,
                after,
                "/v1/batch: CPU s of server + PostgreSQL per 1,000 events",
                build -> String.format(Locale.ROOT, "%.3f", build.batchCpuPerThousand()));
        row(
                before,
                after,
                "raw COPY of the same rows, same table (CPU: PostgreSQL only)",
                build -> String.format(
                        Locale.ROOT,
                        "%,.0f rows/s (CPU %.3f s per 1,000)",
                        build.copyRate(),
                        build.copyCpuPerThousand()));
        row(
                before,
                after,
                "Hearth / COPY (rate)",
                build -> String.format(
                        Locale.ROOT, "%.0f %%", 100 * build.batch().rate() / build.copyRate()));
        row(
                before,
                after,
                "/v1/track open loop at " + load.trackRate() + " req/s: p50 / p99 / max",
                build -> String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f ms (%,d sent, %,d errors)",
                        build.track().p50(),
                        build.track().p99(),
                        build.track().max(),
                        build.track().sent(),
                        build.track().errors()));
        row(
                before,
                after,
                "/v1/track: CPU s of server + PostgreSQL per 1,000 calls",
                build -> String.format(Locale.ROOT, "%.3f", build.trackCpuPerThousand()));
        if (withProfiles != null) {
            System.out.printf(
                    Locale.ROOT,
                    "| /v1/batch with profiles, until every event is in a profile | %s%,.0f events/s (%,d events, "
                            + "%.1f s; %.0f %% of ingestion alone) |%n",
                    before != null ? "| " : "",
                    withProfiles.rate(),
                    withProfiles.events(),
                    withProfiles.seconds(),
                    100 * withProfiles.rate() / after.batch().rate());
        }
    }

    private static void row(
            Build before, Build after, String measure, java.util.function.Function<Build, String> value) {
        System.out.println("| " + measure + " | " + (before != null ? value.apply(before) + " | " : "")
                + value.apply(after) + " |");
    }

    record Throughput(long events, long failed, double seconds) {
        double rate() {
            return events / seconds;
        }
    }

    record Latency(double p50, double p99, double max, long sent, long errors) {}
}
