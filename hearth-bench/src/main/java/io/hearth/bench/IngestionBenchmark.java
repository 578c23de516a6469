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
 * run: a raw PostgreSQL COPY of the same rows into the same table of the same database.
 *
 * <p>Usage: {@code IngestionBenchmark [server jar] [clients] [batch size] [seconds] [track rate/s]}
 */
public final class IngestionBenchmark {

    private IngestionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int trackRate = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        Path runDir = Files.createTempDirectory("hearth-bench");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        EventFactory events = new EventFactory();
        Throughput ingestionOnly;
        double copyRate;
        Latency latency;
        try (ServerUnderTest server = ServerUnderTest.start(
                jar, runDir.resolve("ingestion"), "2g", Map.of("HEARTH_PROFILES_ENABLED", "false"))) {
            System.out.println("ingestion only: warming up, then " + seconds + " s of batches…");
            batches(http, server, events, clients, batchSize, Duration.ofSeconds(10), 0);
            ingestionOnly =
                    batches(http, server, events, clients, batchSize, Duration.ofSeconds(seconds), 1_000_000_000L);
            copyRate = copyRate(server, events, ingestionOnly.events());
            System.out.println("single /v1/track calls at " + trackRate + "/s…");
            latency = TrackLatency.measure(http, server, events, trackRate, Duration.ofSeconds(15));
        }
        Throughput withProfiles;
        try (ServerUnderTest server = ServerUnderTest.start(jar, runDir.resolve("profiles"), "2g", Map.of())) {
            System.out.println("ingestion with profiles: warming up, then " + seconds + " s of batches…");
            batches(http, server, events, clients, batchSize, Duration.ofSeconds(10), 3_000_000_000L);
            awaitProfiles(server);
            long start = System.nanoTime();
            Throughput sent =
                    batches(http, server, events, clients, batchSize, Duration.ofSeconds(seconds), 4_000_000_000L);
            awaitProfiles(server);
            withProfiles = new Throughput(sent.events(), sent.failed(), (System.nanoTime() - start) / 1e9);
        }
        report(clients, batchSize, ingestionOnly, copyRate, withProfiles, trackRate, latency);
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

    private static void report(
            int clients,
            int batchSize,
            Throughput hearth,
            double copyRate,
            Throughput withProfiles,
            int trackRate,
            Latency latency) {
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| /v1/batch, %d clients x %d events | %,.0f events/s (%,d stored, %,d failed, %.1f s) |%n",
                clients,
                batchSize,
                hearth.rate(),
                hearth.events(),
                hearth.failed(),
                hearth.seconds());
        System.out.printf(Locale.ROOT, "| raw COPY of the same rows, same table | %,.0f rows/s |%n", copyRate);
        System.out.printf(Locale.ROOT, "| Hearth / COPY | %.0f %% |%n", 100 * hearth.rate() / copyRate);
        System.out.printf(
                Locale.ROOT,
                "| /v1/batch with identity resolution and computed attributes, until every event is in a profile | %,.0f events/s (%,d events, %.1f s) |%n",
                withProfiles.rate(),
                withProfiles.events(),
                withProfiles.seconds());
        System.out.printf(
                Locale.ROOT,
                "| with profiles / ingestion only | %.0f %% |%n",
                100 * withProfiles.rate() / hearth.rate());
        System.out.printf(
                Locale.ROOT,
                "| /v1/track at %,d req/s: p50 / p99 / max | %.2f / %.2f / %.2f ms (%,d sent, %,d errors) |%n",
                trackRate,
                latency.p50(),
                latency.p99(),
                latency.max(),
                latency.sent(),
                latency.errors());
    }

    record Throughput(long events, long failed, double seconds) {
        double rate() {
            return events / seconds;
        }
    }

    record Latency(double p50, double p99, double max, long sent, long errors) {}
}
