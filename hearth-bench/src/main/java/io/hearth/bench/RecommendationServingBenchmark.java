package io.hearth.bench;

import io.hearth.ml.recommend.DotProductIndex;
import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.QuantizedDotProductIndex;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Recommendation serving over loopback: a synthetic shop of {@code items} products and {@code
 * shoppers} shoppers with three orders each (taste clusters, so ALS has something to learn) is loaded
 * into the packaged server (orders by COPY into the event log, products by COPY into the catalog, the
 * profiles of {@code profiled} shoppers through identify calls), trained through the API, then asked
 * for slates in open loop at a fixed rate. In the same run, in process: top-k by dot product over the
 * same catalogue size against its brute-force limit, one pass over the item matrix, and the
 * factor-major blocked pass serving uses ({@link DotProductIndex}).
 *
 * <p>Usage: {@code RecommendationServingBenchmark [server jar] [items] [shoppers] [profiled] [rates/s, comma
 * separated] [seconds per rate] [older server jar, or -]}. With an older jar, it is measured first, on a
 * database of its own loaded the same way, so both builds are compared in one run. Each row also gives
 * the CPU time the server and its PostgreSQL spent per answered slate, steadier than wall time on a
 * shared machine.
 */
public final class RecommendationServingBenchmark {

    private static final String TENANT = "00000000-0000-4000-8000-00000000d3e0";
    private static final int CLUSTERS = 500;
    private static final int FACTORS = 32;

    /** Prints each rate's top statements; run with HEARTH_DB_STATEMENT_STATS=true. */
    private static final boolean STATEMENTS = Boolean.getBoolean("hearth.bench.statements");

    private RecommendationServingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int shoppers = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int profiled = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        String rates = args.length > 4 ? args[4] : "200,1000";
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        String older = args.length > 6 ? args[6] : "-";
        TopKFigures topK = topK(items);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        List<String> rows = new ArrayList<>();
        String model = "";
        if (!older.equals("-")) {
            run(http, Path.of(older), "older build", items, shoppers, profiled, rates, seconds, rows);
        }
        model = run(http, jar, "this build", items, shoppers, profiled, rates, seconds, rows);
        report(items, shoppers, profiled, seconds, rows, topK, model);
    }

    /** One server on a fresh database: load, train, then each rate; answers the model served. */
    private static String run(
            HttpClient http,
            Path jar,
            String build,
            int items,
            int shoppers,
            int profiled,
            String rates,
            int seconds,
            List<String> rows)
            throws Exception {
        Path runDir = Files.createTempDirectory("hearth-bench-recs");
        try (ServerUnderTest server = ServerUnderTest.start(jar, runDir.resolve("recs"), "3g", Map.of())) {
            System.out.println(build + ": " + jar);
            long loadStart = System.nanoTime();
            copyOrders(server, items, shoppers);
            copyProducts(server, items);
            List<String> customers = profile(http, server, profiled);
            unthrottle(server);
            System.out.printf(Locale.ROOT, "loaded in %.0f s%n", (System.nanoTime() - loadStart) / 1e9);
            String model = train(http, server);
            System.out.println("model: " + model);
            awaitMemory(http, server);
            // -Dhearth.bench.warmup=250x40: 40 s at 250 slates/s, enough for the JIT and to have read
            // every profiled customer once; the default is 10 s at 100/s
            String[] warmup =
                    System.getProperty("hearth.bench.warmup", "100x10").split("x");
            System.out.println("warming up: " + warmup[0] + " slates/s for " + warmup[1] + " s…");
            measure(http, server, customers, Integer.parseInt(warmup[0]), Integer.parseInt(warmup[1]));
            Thread.sleep(5_000);
            for (String rate : rates.split(",")) {
                System.out.println(rate + " slates/s for " + seconds + " s…");
                if (STATEMENTS) {
                    StatementStats.reset(server);
                }
                double cpuBefore = server.cpuSeconds();
                double databaseBefore = server.databaseCpuSeconds() + server.reapedDatabaseCpuSeconds();
                Latency latency = measure(http, server, customers, Integer.parseInt(rate.strip()), seconds);
                double cpu = server.cpuSeconds() - cpuBefore;
                double database = server.databaseCpuSeconds() + server.reapedDatabaseCpuSeconds() - databaseBefore;
                String row = row(build, Integer.parseInt(rate.strip()), latency, cpu);
                System.out.println(row);
                System.out.printf(
                        Locale.ROOT,
                        "  of the CPU per slate: PostgreSQL %.2f ms, the server's JVM %.2f ms%n",
                        database * 1e3 / Math.max(1, latency.answered()),
                        (cpu - database) * 1e3 / Math.max(1, latency.answered()));
                rows.add(row);
                if (STATEMENTS) {
                    StatementStats.print(server, 15);
                }
                Thread.sleep(10_000);
            }
            return model;
        }
    }

    /**
     * Lifts the admin key's rate limit (2,000 requests/s by default, with one second of burst): the
     * benchmark measures serving, and requests that queue while the server is saturated reach it in
     * bursts that the limit would answer with 429.
     */
    private static void unthrottle(ServerUnderTest server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                var statement = connection.createStatement()) {
            int keys = statement.executeUpdate("update tenancy_api_key set rate_per_second = 1000000");
            System.out.println("rate limit lifted for " + keys + " API key(s)");
        }
    }

    /** Three orders of two products per shopper, 80 % of lines from the shopper's taste cluster. */
    private static void copyOrders(ServerUnderTest server, int items, int shoppers) throws Exception {
        String source = UUID.randomUUID().toString();
        Random random = new Random(7);
        StringBuilder rows = new StringBuilder();
        long copied = 0;
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl())) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int shopper = 0; shopper < shoppers; shopper++) {
                for (int order = 0; order < 3; order++) {
                    rows.append(orderRow(
                            source, shopper, order, product(random, shopper, items), product(random, shopper, items)));
                }
                if (rows.length() > 8_000_000 || shopper == shoppers - 1) {
                    copied += copy.copyIn(
                            "COPY ingestion_event (tenant_id, event_id, source_id, message_id, type, event, user_id, "
                                    + "anonymous_id, occurred_at, received_at, payload) FROM STDIN",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d orders copied in %.1f s%n", copied, (System.nanoTime() - start) / 1e9);
    }

    private static int product(Random random, int shopper, int items) {
        if (random.nextDouble() < 0.8) {
            int cluster = shopper % CLUSTERS;
            int perCluster = items / CLUSTERS;
            return cluster
                    + CLUSTERS * (int) Math.min(perCluster - 1, Math.abs(random.nextGaussian()) * perCluster / 4);
        }
        return random.nextInt(items);
    }

    private static String orderRow(String source, int shopper, int order, int first, int second) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(shopper * 7L + order * 86_400L);
        String payload = """
                {"type":"track","event":"Order Completed","userId":"shopper-%d","messageId":"order-%d-%d",\
                "timestamp":"%s","properties":{"order_id":"o-%d-%d","currency":"EUR","products":[\
                {"product_id":"p-%d","quantity":1,"price":10},{"product_id":"p-%d","quantity":1,"price":12}]}}""".formatted(shopper, shopper, order, at, shopper, order, first, second);
        return String.join(
                        "\t",
                        TENANT,
                        UUID.randomUUID().toString(),
                        source,
                        "order-" + shopper + "-" + order,
                        "track",
                        "Order Completed",
                        "shopper-" + shopper,
                        "\\N",
                        at.toString(),
                        at.toString(),
                        payload)
                + "\n";
    }

    /** The products, COPYed into the catalog table (the product API is not what is measured here). */
    private static void copyProducts(ServerUnderTest server, int items) throws Exception {
        long start = System.nanoTime();
        StringBuilder rows = new StringBuilder();
        for (int item = 0; item < items; item++) {
            rows.append(String.join(
                            "\t",
                            TENANT,
                            "p-" + item,
                            "Product " + item,
                            "c-" + (item % 200),
                            "true",
                            "false",
                            "{}",
                            "2026-11-01T00:00:00Z"))
                    .append('\n');
        }
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl())) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY catalog_product (tenant_id, product_id, name, category, in_stock, replenishable, "
                                    + "attributes, updated_at) FROM STDIN",
                            new StringReader(rows.toString()));
        }
        System.out.printf(Locale.ROOT, "%,d products copied in %.1f s%n", items, (System.nanoTime() - start) / 1e9);
    }

    /** Identifies the first {@code profiled} shoppers and answers their customer ids once resolved. */
    private static List<String> profile(HttpClient http, ServerUnderTest server, int profiled) throws Exception {
        long start = System.nanoTime();
        for (int from = 0; from < profiled; from += 500) {
            StringBuilder batch = new StringBuilder("{\"batch\": [");
            for (int shopper = from; shopper < Math.min(profiled, from + 500); shopper++) {
                batch.append(shopper == from ? "" : ",")
                        .append("{\"type\": \"identify\", \"userId\": \"shopper-%d\", \"messageId\": \"id-%d\"}"
                                .formatted(shopper, shopper));
            }
            IngestionBenchmark.post(
                    http, server.baseUrl() + "/v1/batch", batch.append("]}").toString());
        }
        List<String> customers = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            while (customers.size() < profiled) {
                customers.clear();
                try (ResultSet rows = statement.executeQuery(
                        "select customer_id from profiles_identifier where kind = 'user_id' and value like 'shopper-%'")) {
                    while (rows.next()) {
                        customers.add(rows.getString(1));
                    }
                }
                Thread.sleep(1_000);
            }
        }
        System.out.printf(Locale.ROOT, "%,d profiles in %.1f s%n", customers.size(), (System.nanoTime() - start) / 1e9);
        return customers;
    }

    /**
     * Waits (at most five minutes) until what the server prepares ahead for a new version — the
     * shoppers' "for you" candidates and the remembered customers — stops growing, and prints it.
     */
    private static void awaitMemory(HttpClient http, ServerUnderTest server) throws Exception {
        long start = System.nanoTime();
        String last = "";
        int unchanged = 0;
        while (unchanged < 3
                && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(2_000);
            String model = send(http, server, "GET", "/v1/recommendations/model", null);
            int memory = model.indexOf("\"memory\":");
            String now = memory < 0 ? "" : model.substring(memory, model.indexOf('}', memory) + 1);
            unchanged = now.equals(last) ? unchanged + 1 : 0;
            last = now;
        }
        System.out.printf(Locale.ROOT, "prepared ahead after %.0f s: %s%n", (System.nanoTime() - start) / 1e9, last);
    }

    private static String train(HttpClient http, ServerUnderTest server) throws Exception {
        long start = System.nanoTime();
        send(http, server, "POST", "/v1/recommendations/train", "");
        while (true) {
            String model = send(http, server, "GET", "/v1/recommendations/model", null);
            if (model.contains("\"current\":{\"version\":1")) {
                System.out.printf(
                        Locale.ROOT,
                        "trained in %.1f s (wall clock, via the scheduler)%n",
                        (System.nanoTime() - start) / 1e9);
                int current = model.indexOf("\"current\":");
                return model.substring(current, model.indexOf('}', current) + 1);
            }
            Thread.sleep(1_000);
        }
    }

    private static Latency measure(
            HttpClient http, ServerUnderTest server, List<String> customers, int rate, int seconds)
            throws InterruptedException {
        long total = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.ConcurrentHashMap<String, Long> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        Random random = new Random(11);
        ConcurrentLinkedQueue<long[]> timeline =
                Boolean.getBoolean("hearth.bench.timeline") ? new ConcurrentLinkedQueue<>() : null;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String customer = customers.get(random.nextInt(customers.size()));
                pool.submit(() -> {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/customers/"
                                        + customer + "/recommendations?n=10&context=device:mobile,hour:20"))
                                .header("Authorization", "Bearer " + ServerUnderTest.ADMIN_KEY)
                                .timeout(Duration.ofSeconds(10))
                                .build();
                        HttpResponse<String> response = http.send(request, BODY_OF_ERRORS);
                        int status = response.statusCode();
                        if (status != 200) {
                            errors.incrementAndGet();
                            if (reasons.merge("HTTP " + status, 1L, Long::sum) == 1) {
                                System.out.println("first HTTP " + status + ": " + response.body());
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        reasons.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                    long latency = System.nanoTime() - due;
                    latencies.add(latency);
                    if (timeline != null) {
                        timeline.add(new long[] {due - start, latency});
                    }
                });
            }
        }
        if (timeline != null) {
            printTimeline(timeline);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!reasons.isEmpty()) {
            System.out.println("errors by reason at " + rate + "/s: " + new java.util.TreeMap<>(reasons));
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(
                percentile(sorted, 0.5),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                total / elapsed,
                errors.get(),
                total - errors.get());
    }

    private static String send(HttpClient http, ServerUnderTest server, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + ServerUnderTest.ADMIN_KEY)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Top 10 by dot product (one pass plus a bounded heap) against the pass alone, per query: the best
     * of eight rounds of 1,000 queries each, since other work on the machine only ever adds time.
     */
    private static TopKFigures topK(int items) {
        Random random = new Random(3);
        float[] itemFactors = new float[items * FACTORS];
        float[] userFactors = new float[1_000 * FACTORS];
        for (int i = 0; i < itemFactors.length; i++) {
            itemFactors[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < userFactors.length; i++) {
            userFactors[i] = (float) random.nextGaussian();
        }
        FactorModel model = FactorModel.of(FACTORS, userFactors, itemFactors);
        DotProductIndex index = DotProductIndex.of(itemFactors, FACTORS);
        QuantizedDotProductIndex quantized = QuantizedDotProductIndex.of(itemFactors, FACTORS);
        double factorMajor = Double.MAX_VALUE;
        double eightBit = Double.MAX_VALUE;
        float[] scores = new float[items];
        long sink = 0;
        double pass = Double.MAX_VALUE;
        double topK = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            for (int user = 0; user < 1_000; user++) {
                model.score(user, scores);
                sink += Float.floatToIntBits(scores[user % items]);
            }
            pass = Math.min(pass, (System.nanoTime() - start) / 1e3 / 1_000);
            start = System.nanoTime();
            for (int user = 0; user < 1_000; user++) {
                sink += model.recommend(user, 10, new int[0])[0];
            }
            topK = Math.min(topK, (System.nanoTime() - start) / 1e3 / 1_000);
            start = System.nanoTime();
            for (int user = 0; user < 1_000; user++) {
                sink += index.top(model.userVector(user), 10, new int[0]).items()[0];
            }
            factorMajor = Math.min(factorMajor, (System.nanoTime() - start) / 1e3 / 1_000);
            start = System.nanoTime();
            for (int user = 0; user < 1_000; user++) {
                sink += quantized.top(model.userVector(user), 40, new int[0]).items()[0];
            }
            eightBit = Math.min(eightBit, (System.nanoTime() - start) / 1e3 / 1_000);
        }
        System.out.printf(
                Locale.ROOT,
                "top-k %.0f µs, pass %.0f µs, factor-major top-k %.0f µs, 8-bit shortlist top-40 %.0f µs per query (%d)%n",
                topK,
                pass,
                factorMajor,
                eightBit,
                sink & 1);
        return new TopKFigures(topK, pass, factorMajor, eightBit);
    }

    /** Only an error's body is read: the load driver should not pay for parsing 1,000 slates a second. */
    private static final HttpResponse.BodyHandler<String> BODY_OF_ERRORS = info -> info.statusCode() == 200
            ? HttpResponse.BodySubscribers.replacing("")
            : HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Per 100 ms of the schedule (-Dhearth.bench.timeline=true): how many requests were due, and how many
     * of them took over 10 ms, only for the intervals that had any, to tell bursts (a pause) from a spread.
     */
    private static void printTimeline(ConcurrentLinkedQueue<long[]> timeline) {
        java.util.TreeMap<Long, long[]> slots = new java.util.TreeMap<>();
        for (long[] entry : timeline) {
            long[] slot = slots.computeIfAbsent(entry[0] / 100_000_000L, key -> new long[3]);
            slot[0]++;
            if (entry[1] > 10_000_000L) {
                slot[1]++;
            }
            slot[2] = Math.max(slot[2], entry[1]);
        }
        StringBuilder line = new StringBuilder("  slow (>10 ms) per 100 ms of schedule, at s: count/due max ms:");
        slots.forEach((slot, counts) -> {
            if (counts[1] > 0) {
                line.append(String.format(
                        Locale.ROOT, " %.1f: %d/%d %.0f;", slot / 10.0, counts[1], counts[0], counts[2] / 1e6));
            }
        });
        System.out.println(line);
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** CPU is the server's and its database's during the measured seconds, per answered slate. */
    private static String row(String build, int rate, Latency latency, double cpuSeconds) {
        long answered = latency.answered();
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.0f | %.1f | %.1f | %.1f | %d | %.2f |",
                build,
                rate,
                latency.throughput(),
                latency.p50(),
                latency.p99(),
                latency.max(),
                latency.errors(),
                answered == 0 ? Double.NaN : cpuSeconds * 1e3 / answered);
    }

    private static void report(
            int items, int shoppers, int profiled, int seconds, List<String> rows, TopKFigures topK, String model) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%,d products, %,d shoppers (%,d with profiles), %d s per rate, n=10, open loop%n",
                items,
                shoppers,
                profiled,
                seconds);
        System.out.println(
                "| build | offered slates/s | completed/s | p50 ms | p99 ms | max ms | errors | CPU ms per slate |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "top 10 by dot product, in process: %.0f µs per query%n", topK.topK());
        System.out.printf(Locale.ROOT, "brute-force pass over the item matrix alone: %.0f µs%n", topK.pass());
        System.out.printf(
                Locale.ROOT,
                "top 10 over the factor-major matrix in blocks (DotProductIndex, exact): %.0f µs%n",
                topK.factorMajor());
        System.out.printf(
                Locale.ROOT,
                "top 40 from an 8-bit shortlist scored exactly (QuantizedDotProductIndex, what serving uses): %.0f µs%n",
                topK.eightBit());
        System.out.println("model: " + model);
    }

    private record Latency(double p50, double p99, double max, double throughput, long errors, long answered) {}

    private record TopKFigures(double topK, double pass, double factorMajor, double eightBit) {}
}
