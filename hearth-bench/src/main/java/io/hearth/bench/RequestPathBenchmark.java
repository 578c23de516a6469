package io.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The cost of the request path every API call shares (Tomcat, security, MVC, JSON, metrics), measured
 * on calls whose own work is small: a cheap authenticated read ({@code GET /v1/sources} with the admin
 * key as a Bearer token), a single {@code POST /v1/track} (the write key as HTTP Basic) and a
 * recommendation slate for a visitor (popularity stand-in, no training). Each packaged server runs as
 * its own process on a fresh embedded database, the older build first, and each call is sent in open
 * loop at a fixed rate (latency counted from when a call was due, so a stalled server cannot hide its
 * queue). Besides p50/p99 it reports the CPU the server and its PostgreSQL spent per call, from
 * {@code /proc}, with the idle CPU of the same server (its schedulers) subtracted: that is steadier
 * than latency on a shared machine.
 *
 * <p>Usage: {@code RequestPathBenchmark [server jar] [older server jar, or -] [calls/s] [seconds per
 * call kind]}.
 */
public final class RequestPathBenchmark {

    private RequestPathBenchmark() {}

    /** One kind of call: a name for the table and how to build its n-th request. */
    record Call(String name, LongFunction<HttpRequest> request, int expectedStatus) {}

    record Row(
            String build,
            String call,
            double cpuMsPerCall,
            double rawCpuMsPerCall,
            double dbCpuMsPerCall,
            Latency latency) {}

    record Latency(double p50, double p99, double max, long sent, long errors, double rate) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        String older = args.length > 1 ? args[1] : "-";
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        List<Row> rows = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        if (!older.equals("-")) {
            run(http, Path.of(older), "older build", rate, seconds, rows, idle);
        }
        run(http, jar, "this build", rate, seconds, rows, idle);
        report(rate, seconds, rows, idle);
    }

    private static void run(
            HttpClient http, Path jar, String build, int rate, int seconds, List<Row> rows, List<String> idle)
            throws Exception {
        Path runDir = Files.createTempDirectory("hearth-bench-path");
        try (ServerUnderTest server = ServerUnderTest.start(jar, runDir.resolve("path"), "1g", Map.of())) {
            System.out.println(build + ": " + jar + " (server log " + runDir + "/path-server.log)");
            List<Call> calls = calls(server);
            for (Call call : calls) {
                probe(http, call);
            }
            System.out.println("warming up…");
            for (int round = 0; round < 2; round++) {
                for (Call call : calls) {
                    measure(http, call, rate, 10);
                }
            }
            double idleBefore = server.cpuSeconds();
            long idleStart = System.nanoTime();
            Thread.sleep(10_000);
            double idlePerSecond = (server.cpuSeconds() - idleBefore) / ((System.nanoTime() - idleStart) / 1e9);
            idle.add(String.format(Locale.ROOT, "%s: %.1f ms of CPU per second when idle", build, idlePerSecond * 1e3));
            for (Call call : calls) {
                System.out.println(call.name() + ": " + rate + "/s for " + seconds + " s…");
                double cpuBefore = server.cpuSeconds();
                double dbBefore = server.databaseCpuSeconds();
                long start = System.nanoTime();
                Latency latency = measure(http, call, rate, seconds);
                double elapsed = (System.nanoTime() - start) / 1e9;
                double cpu = server.cpuSeconds() - cpuBefore;
                double db = server.databaseCpuSeconds() - dbBefore;
                long answered = latency.sent() - latency.errors();
                Row row = new Row(
                        build,
                        call.name(),
                        (cpu - idlePerSecond * elapsed) * 1e3 / Math.max(1, answered),
                        cpu * 1e3 / Math.max(1, answered),
                        db * 1e3 / Math.max(1, answered),
                        latency);
                System.out.println(format(row));
                rows.add(row);
                Thread.sleep(3_000);
            }
        }
    }

    private static List<Call> calls(ServerUnderTest server) {
        String bearer = "Bearer " + ServerUnderTest.ADMIN_KEY;
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((ServerUnderTest.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        URI sources = URI.create(server.baseUrl() + "/v1/sources");
        URI track = URI.create(server.baseUrl() + "/v1/track");
        URI slate = URI.create(
                server.baseUrl() + "/v1/visitors/bench-visitor/recommendations?n=10&context=device:mobile,hour:20");
        return List.of(
                new Call(
                        "GET /v1/sources (Bearer)",
                        n -> HttpRequest.newBuilder(sources)
                                .header("Authorization", bearer)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        200),
                new Call(
                        "POST /v1/track (Basic)",
                        n -> HttpRequest.newBuilder(track)
                                .header("Authorization", basic)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        """
                                        {"userId":"path-%d","event":"Product Viewed","messageId":"path-%d-%d",\
                                        "properties":{"product_id":"p-%d"}}""".formatted(n % 1_000, System.nanoTime(), n, n % 50)))
                                .build(),
                        200),
                new Call(
                        "GET visitor slate (Bearer)",
                        n -> HttpRequest.newBuilder(slate)
                                .header("Authorization", bearer)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        200));
    }

    /** Fails early, with the answer, when a call does not work on this build. */
    private static void probe(HttpClient http, Call call) throws Exception {
        HttpResponse<String> answer = http.send(call.request().apply(0), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != call.expectedStatus()) {
            throw new IllegalStateException(call.name() + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static Latency measure(HttpClient http, Call call, int rate, int seconds) throws InterruptedException {
        long total = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sequence = i;
                pool.submit(() -> {
                    try {
                        int status = http.send(call.request().apply(sequence), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status != call.expectedStatus()) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - due);
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(
                percentile(sorted, 0.5),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                total,
                errors.get(),
                total / elapsed);
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String format(Row row) {
        Latency l = row.latency();
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.3f ms | %.3f ms | %.3f ms | %.1f ms / %.1f ms / %.0f ms | %.0f/s, %d sent, %d failed |",
                row.build(),
                row.call(),
                row.cpuMsPerCall(),
                row.rawCpuMsPerCall(),
                row.dbCpuMsPerCall(),
                l.p50(),
                l.p99(),
                l.max(),
                l.rate(),
                l.sent(),
                l.errors());
    }

    private static void report(int rate, int seconds, List<Row> rows, List<String> idle) {
        System.out.printf(Locale.ROOT, "%nRequest path, %d calls/s for %d s per call kind, open loop%n", rate, seconds);
        idle.forEach(System.out::println);
        System.out.println(
                "| build | call | CPU per call (server + db, idle subtracted) | CPU per call (raw) | of which the database (raw) | p50 / p99 / max | rate |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(row -> System.out.println(format(row)));
    }
}
