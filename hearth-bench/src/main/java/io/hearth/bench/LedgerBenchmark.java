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
 * <p>Usage: {@code LedgerBenchmark [server jar] [clients] [members] [seconds] [older server jar]}. With
 * an older jar, both builds run one after the other on fresh databases in the same run, each with
 * its own raw baseline, and the CPU (server and database) each operation took is reported too.
 */
public final class LedgerBenchmark {

    private static final String JSON = "application/json";

    private LedgerBenchmark() {}

    record Run(
            long earns,
            long redeems,
            long failed,
            double seconds,
            List<Long> earnNanos,
            double cpuSeconds,
            double databaseCpuSeconds) {
        double rate() {
            return (earns + redeems) / seconds;
        }

        double cpuMillisPerOp() {
            return 1000 * cpuSeconds / Math.max(1, earns + redeems);
        }

        double earnMillis(double quantile) {
            List<Long> sorted = new ArrayList<>(earnNanos);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size())) / 1e6;
        }
    }

    /** One build's figures: its ledger run, the raw inserts on its database, what the run left behind. */
    record Result(String build, Run ledger, double raw, double rawCpuMillis, String reconciliation, String decisions) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path older = args.length > 4 ? Path.of(args[4]) : null;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        List<Result> results = new ArrayList<>();
        if (older != null) {
            results.add(measure(http, "older build", older, clients, members, seconds));
        }
        results.add(measure(http, "this build", jar, clients, members, seconds));
        report(clients, members, results);
    }

    private static Result measure(HttpClient http, String build, Path jar, int clients, int members, int seconds)
            throws Exception {
        Path runDir = Files.createTempDirectory("hearth-ledger-bench");
        try (ServerUnderTest server = ServerUnderTest.start(
                jar, runDir.resolve("ledger"), "2g", Map.of("HEARTH_PROFILES_ENABLED", "false"))) {
            setUp(http, server, members);
            System.out.println(build + ": warming up, then " + seconds + " s of earns and redemptions…");
            load(http, server, clients, members, Duration.ofSeconds(10));
            Run ledger = load(http, server, clients, members, Duration.ofSeconds(seconds));
            String decisions = awaitDecisions(server);
            TableScans.printIfAsked(server);
            System.out.println(build + ": raw single-row committed inserts for " + seconds + " s…");
            double cpuBefore = server.cpuSeconds();
            long rawStart = System.nanoTime();
            double raw = rawInserts(server, clients, Duration.ofSeconds(seconds));
            double rawRows = raw * (System.nanoTime() - rawStart) / 1e9;
            double rawCpuMillis = 1000 * (server.cpuSeconds() - cpuBefore) / Math.max(1, rawRows);
            String reconciliation =
                    post(http, server, "/v1/loyalty/reconciliation", "", null).body();
            return new Result(build, ledger, raw, rawCpuMillis, reconciliation, decisions);
        }
    }

    // Every earn's decision reaches the log after its commit (the older build wrote them on a thread
    // of its own, this one through an outbox): wait until the log holds one per earn, and say how long.
    private static String awaitDecisions(ServerUnderTest server) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            while (true) {
                long earns = count(statement, "select count(*) from loyalty_transaction where kind = 'EARN'");
                long logged = count(
                        statement,
                        "select count(*) from privacy_decision where decision_type = 'loyalty.points-earned'");
                double waited = (System.nanoTime() - start) / 1e9;
                if (logged >= earns || waited > 120) {
                    return String.format(
                            Locale.ROOT,
                            "%,d of %,d earns in the decision log %.1f s after the run",
                            logged,
                            earns,
                            waited);
                }
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
        double cpuBefore = server.cpuSeconds();
        double databaseBefore = server.databaseCpuSeconds();
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
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Run(
                    earns,
                    redeems,
                    failed,
                    elapsed,
                    nanos,
                    server.cpuSeconds() - cpuBefore,
                    server.databaseCpuSeconds() - databaseBefore);
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
        return new Run(earns, redeems, failed, 0, nanos, 0, 0);
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

    private static void report(int clients, int members, List<Result> results) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "| measure (%d clients, %d members) | %s |%n",
                clients,
                members,
                String.join(" | ", results.stream().map(Result::build).toList()));
        System.out.println("|---" + "|---".repeat(results.size()) + "|");
        row(
                results,
                "ledger operations (2 earns : 1 redemption)",
                r -> String.format(
                        Locale.ROOT,
                        "%,.0f ops/s (%,d earns, %,d redemptions, %d failed, %.1f s)",
                        r.ledger().rate(),
                        r.ledger().earns(),
                        r.ledger().redeems(),
                        r.ledger().failed(),
                        r.ledger().seconds()));
        row(
                results,
                "raw single-row committed inserts, same database",
                r -> String.format(Locale.ROOT, "%,.0f rows/s", r.raw()));
        row(
                results,
                "ledger / raw",
                r -> String.format(Locale.ROOT, "%.0f %%", 100 * r.ledger().rate() / r.raw()));
        row(
                results,
                "CPU ms (server + database) per ledger operation",
                r -> String.format(Locale.ROOT, "%.2f ms", r.ledger().cpuMillisPerOp()));
        row(
                results,
                "of which the database",
                r -> String.format(
                        Locale.ROOT,
                        "%.2f ms",
                        1000
                                * r.ledger().databaseCpuSeconds()
                                / Math.max(1, r.ledger().earns() + r.ledger().redeems())));
        row(results, "CPU ms (database) per raw insert", r -> String.format(Locale.ROOT, "%.3f ms", r.rawCpuMillis()));
        row(
                results,
                "ledger / raw by CPU per operation",
                r -> String.format(
                        Locale.ROOT,
                        "%.0f %%",
                        100 * r.rawCpuMillis() / r.ledger().cpuMillisPerOp()));
        row(
                results,
                "earn latency p50 / p99 / max",
                r -> String.format(
                        Locale.ROOT,
                        "%.1f ms / %.1f ms / %.1f ms",
                        r.ledger().earnMillis(0.5),
                        r.ledger().earnMillis(0.99),
                        r.ledger().earnMillis(1.0)));
        row(results, "decision log", Result::decisions);
        for (Result result : results) {
            System.out.println("reconciliation after the " + result.build() + ": " + result.reconciliation());
        }
    }

    private static void row(List<Result> results, String measure, java.util.function.Function<Result, String> cell) {
        System.out.println("| " + measure + " | "
                + String.join(" | ", results.stream().map(cell).toList()) + " |");
    }
}
