package io.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loyalty ledger operations per second over loopback (earns with an idempotency key, and
 * redemptions), with the latency of each earn, against the limit measured in the same run on the
 * same database: single-row inserts, each committed on its own, from as many clients.
 *
 * <p>Usage: {@code LedgerBenchmark [server jar] [clients] [members] [seconds]}
 */
public final class LedgerBenchmark {

    private static final String JSON = "application/json";

    private LedgerBenchmark() {}

    record Run(long earns, long redeems, long failed, double seconds, List<Long> earnNanos) {
        double rate() {
            return (earns + redeems) / seconds;
        }

        double earnMillis(double quantile) {
            List<Long> sorted = new ArrayList<>(earnNanos);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size())) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Path runDir = Files.createTempDirectory("hearth-ledger-bench");
        try (ServerUnderTest server = ServerUnderTest.start(
                jar, runDir.resolve("ledger"), "2g", Map.of("HEARTH_PROFILES_ENABLED", "false"))) {
            setUp(http, server, members);
            System.out.println("ledger: warming up, then " + seconds + " s of earns and redemptions…");
            load(http, server, clients, members, Duration.ofSeconds(10));
            Run ledger = load(http, server, clients, members, Duration.ofSeconds(seconds));
            System.out.println("raw single-row committed inserts for " + seconds + " s…");
            double raw = rawInserts(server, clients, Duration.ofSeconds(seconds));
            String reconciliation =
                    post(http, server, "/v1/loyalty/reconciliation", "", null).body();
            report(clients, members, ledger, raw, reconciliation);
        }
    }

    // A reward to redeem and enough available points for every member to redeem it many times.
    private static void setUp(HttpClient http, ServerUnderTest server, int members) throws Exception {
        send(
                http,
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/loyalty/rewards/sticker"))
                        .header("Authorization", "Bearer " + ServerUnderTest.ADMIN_KEY)
                        .header("Content-Type", JSON)
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"name\": \"Sticker\", \"kind\": \"product\", \"cost\": 1}")));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> seeds = new ArrayList<>();
            for (int member = 0; member < members; member++) {
                String path = "/v1/loyalty/members/m-" + member + "/adjustments";
                String key = "seed-" + member;
                seeds.add(pool.submit(
                        () -> post(http, server, path, "{\"points\": 1000000, \"reason\": \"benchmark\"}", key)));
            }
            for (Future<?> seed : seeds) {
                seed.get();
            }
        }
    }

    private static Run load(HttpClient http, ServerUnderTest server, int clients, int members, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Run>> work = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int client = 0; client < clients; client++) {
                work.add(pool.submit(() -> client(http, server, members, end)));
            }
            long earns = 0;
            long redeems = 0;
            long failed = 0;
            List<Long> nanos = new ArrayList<>();
            for (Future<Run> future : work) {
                Run run = future.get();
                earns += run.earns();
                redeems += run.redeems();
                failed += run.failed();
                nanos.addAll(run.earnNanos());
            }
            return new Run(earns, redeems, failed, (System.nanoTime() - start) / 1e9, nanos);
        }
    }

    // Two earns for every redemption, each on a random member.
    private static Run client(HttpClient http, ServerUnderTest server, int members, long end) throws Exception {
        long earns = 0;
        long redeems = 0;
        long failed = 0;
        List<Long> nanos = new ArrayList<>();
        for (long n = 0; System.nanoTime() < end; n++) {
            String member = "m-" + ThreadLocalRandom.current().nextInt(members);
            String key = UUID.randomUUID().toString();
            if (n % 3 == 2) {
                int status = post(
                                http,
                                server,
                                "/v1/loyalty/members/" + member + "/redemptions",
                                "{\"rewardId\": \"sticker\"}",
                                key)
                        .statusCode();
                redeems += status == 201 ? 1 : 0;
                failed += status == 201 ? 0 : 1;
                continue;
            }
            String body = "{\"customerId\": \"" + member + "\", \"orderId\": \"" + key + "\", \"lines\": ["
                    + "{\"lineId\": \"1\", \"category\": \"shoes\", \"amount\": 59.90},"
                    + "{\"lineId\": \"2\", \"category\": \"shipping\", \"amount\": 4.90}]}";
            long started = System.nanoTime();
            int status = post(http, server, "/v1/loyalty/orders", body, key).statusCode();
            nanos.add(System.nanoTime() - started);
            earns += status == 201 ? 1 : 0;
            failed += status == 201 ? 0 : 1;
        }
        return new Run(earns, redeems, failed, 0, nanos);
    }

    /** The limit of this machine and database: single-row inserts, each its own committed transaction. */
    private static double rawInserts(ServerUnderTest server, int clients, Duration duration) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("create table bench_raw_insert (id uuid primary key, customer_id text, points bigint, "
                    + "idempotency_key text unique, at timestamptz default now())");
        }
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        long rows = 0;
        List<Future<Long>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int client = 0; client < clients; client++) {
                work.add(pool.submit(() -> insertUntil(server, end)));
            }
            for (Future<Long> future : work) {
                rows += future.get();
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static long insertUntil(ServerUnderTest server, long end) throws Exception {
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                PreparedStatement insert = connection.prepareStatement(
                        "insert into bench_raw_insert (id, customer_id, points, idempotency_key) values (?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            while (System.nanoTime() < end) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, "m-" + ThreadLocalRandom.current().nextInt(1000));
                insert.setLong(3, 119);
                insert.setString(4, id.toString());
                insert.executeUpdate();
                rows++;
            }
        }
        return rows;
    }

    private static HttpResponse<String> post(
            HttpClient http, ServerUnderTest server, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + ServerUnderTest.ADMIN_KEY)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void report(int clients, int members, Run ledger, double raw, String reconciliation) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| measure (%d clients, %d members) | value |%n", clients, members);
        System.out.println("|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| ledger operations (2 earns : 1 redemption) | %,.0f ops/s (%,d earns, %,d redemptions, %d failed, %.1f s) |%n",
                ledger.rate(),
                ledger.earns(),
                ledger.redeems(),
                ledger.failed(),
                ledger.seconds());
        System.out.printf(Locale.ROOT, "| raw single-row committed inserts, same database | %,.0f rows/s |%n", raw);
        System.out.printf(Locale.ROOT, "| ledger / raw | %.0f %% |%n", 100 * ledger.rate() / raw);
        System.out.printf(
                Locale.ROOT,
                "| earn latency p50 / p99 / max | %.1f ms / %.1f ms / %.1f ms |%n",
                ledger.earnMillis(0.5),
                ledger.earnMillis(0.99),
                ledger.earnMillis(1.0));
        System.out.println("reconciliation after the run: " + reconciliation);
    }
}
