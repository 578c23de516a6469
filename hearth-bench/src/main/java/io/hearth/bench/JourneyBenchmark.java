package io.hearth.bench;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Journeys against the packaged server: (1) purchase events at a fixed arrival rate (open loop, each
 * a first order of a new customer, so profile building is part of the path) start a run whose first
 * step is a send; latency runs from when the event was due to when that send step's outcome is in
 * the step log. (2) Every run parked on its one-hour wait is cloned up to a target count and made due
 * at the same instant; the timer job's drain time and the server's CPU-seconds per 1,000 runs are
 * measured. The baseline of (2) is the same drain over runs whose next step is an exit, measured in
 * the same run, so the cost of the send step shows on its own.
 *
 * <pre>hearth-bench/run JourneyBenchmark [server jar] [events/s] [seconds] [due runs]</pre>
 *
 * <p>{@code -Dhearth.bench.warmup-seconds=N} sends N seconds of purchases first and waits for them;
 * {@code -Dhearth.bench.browse-rate=N} adds N browsing events/s (batches of 50) around the purchases;
 * {@code -Dhearth.bench.analyze=true} analyzes every table between the warm-up and the measured phase.
 *
 * <p>The purchase half also reports where the time went, per order from the rows' own timestamps:
 * due → stored in the event log ({@code received_at}), → profile created, → run started, → first
 * step logged; and the server's CPU per purchase (JVM and PostgreSQL, from the first purchase until
 * the last first step is logged, divided by the purchases). {@code due runs} 0 skips part (2).
 *
 * The customers have no consent, so every send is decided by the guardrails and logged suppressed
 * ({@code consent}); the message row and provider call are not part of these figures.
 */
public final class JourneyBenchmark {

    private static final int WARMUP_SECONDS = Integer.getInteger("hearth.bench.warmup-seconds", 0);

    private static final int BROWSE_RATE = Integer.getInteger("hearth.bench.browse-rate", 0);

    private static final int BROWSE_BATCH = 50;

    /**
     * Analyzes every table after the warm-up: the measured phase otherwise starts before the embedded
     * database's first autovacuum round (a minute after its start), on plans made for empty tables.
     */
    private static final boolean ANALYZE = Boolean.getBoolean("hearth.bench.analyze");

    /** Prints the measured phase's top statements; run with HEARTH_DB_STATEMENT_STATS=true. */
    private static final boolean STATEMENTS = Boolean.getBoolean("hearth.bench.statements");

    private JourneyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int dueRuns = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Path runDir = Files.createTempDirectory("hearth-journey-bench");
        try (ServerUnderTest server = ServerUnderTest.start(
                jar,
                runDir.resolve("journeys"),
                "2g",
                Map.of(
                        "HEARTH_JOURNEYS_GLOBAL_HOLDOUT_PERCENT", "0",
                        "HEARTH_JOURNEYS_QUIET_START", "00:00",
                        "HEARTH_JOURNEYS_QUIET_END", "00:00",
                        "HEARTH_JOURNEYS_TIMER_CHECK", "PT0.2S"))) {
            setUp(http, server);
            warmUp(http, server, rate);
            if (ANALYZE) {
                analyze(server);
            }
            System.out.printf(
                    "journeys: %d purchases/s%s for %d s…%n",
                    rate, BROWSE_RATE > 0 ? " among " + BROWSE_RATE + " browsing events/s" : "", seconds);
            if (STATEMENTS) {
                StatementStats.reset(server);
            }
            double cpuBefore = server.cpuSeconds();
            double databaseBefore = server.databaseCpuSeconds();
            double reapedBefore = server.reapedDatabaseCpuSeconds();
            Thread browsing = browsing(http, server, seconds);
            Map<String, Long> dueAt = purchases(http, server, rate, seconds, "B-");
            browsing.join();
            List<Long> latencies = latencies(server, dueAt, Duration.ofMinutes(3));
            double cpu = server.cpuSeconds() - cpuBefore;
            double database = server.databaseCpuSeconds() - databaseBefore;
            double reaped = server.reapedDatabaseCpuSeconds() - reapedBefore;
            report(rate, seconds, dueAt.size(), latencies);
            System.out.printf(
                    "%nserver CPU per purchase%s: %.2f ms (%.1f CPU-s for %d purchases, %.0f %% of it in PostgreSQL)%n",
                    BROWSE_RATE > 0 ? " (browsing included)" : "",
                    cpu * 1000 / Math.max(1, dueAt.size()),
                    cpu,
                    dueAt.size(),
                    100 * database / Math.max(1e-9, cpu));
            System.out.printf(
                    "of which %.1f CPU-s in the database's exited processes (autovacuum workers, closed connections)%n",
                    reaped);
            stages(server, dueAt);
            if (STATEMENTS) {
                StatementStats.print(server, 25);
                StatementStats.printVacuums(server);
            }
            if (dueRuns <= 0) {
                return;
            }
            drain(server, "bench-exit", dueRuns, "exit after the wait (baseline)");
            drain(server, "bench-send", dueRuns, "send after the wait");
        }
    }

    private static void setUp(HttpClient http, ServerUnderTest server) throws Exception {
        admin(http, server, "/v1/templates/bench-first", "application/json", """
                {"locales": {"en": {"subject": "Thanks", "text": "Thank you for your order"}}}""");
        admin(http, server, "/v1/templates/bench-second", "application/json", """
                {"locales": {"en": {"subject": "Tips", "text": "Three tips"}}}""");
        for (String journey : List.of("bench-send", "bench-exit")) {
            String after = journey.equals("bench-send")
                    ? "{id: second, type: send, template: bench-second}"
                    : "{id: bye, type: exit}";
            admin(http, server, "/v1/journeys/" + journey, "application/yaml", """
                    trigger: {type: order, status: placed}
                    entry: {reentry: true, maxConcurrent: 100}
                    steps:
                      - {id: first, type: send, template: bench-first}
                      - {id: pause, type: wait, duration: PT1H}
                      - %s
                    """.formatted(after));
        }
    }

    /**
     * Purchases at the same rate for {@code -Dhearth.bench.warmup-seconds} (default 0), not measured,
     * then a wait until their first steps are logged: the measured phase then starts on a JIT-compiled
     * server with no backlog.
     */
    private static void warmUp(HttpClient http, ServerUnderTest server, int rate) throws Exception {
        if (WARMUP_SECONDS <= 0) {
            return;
        }
        System.out.printf("warm-up: %d purchases/s for %d s…%n", rate, WARMUP_SECONDS);
        Map<String, Long> warm = purchases(http, server, rate, WARMUP_SECONDS, "W-");
        latencies(server, warm, Duration.ofMinutes(3));
    }

    /**
     * ANALYZE as the owner, as autovacuum would after its first round. Statistics change, so the
     * server's connections plan their prepared statements again at their next execution.
     */
    private static void analyze(ServerUnderTest server) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
        System.out.printf("analyzed every table in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Browsing at {@code -Dhearth.bench.browse-rate} events/s (default 0) while the purchases run, as a
     * shop's site sends it: batches of 50 product views and page views of 1,000 returning visitors,
     * so the purchases' latency is measured inside a mixed stream, not a stream of purchases only.
     */
    private static Thread browsing(HttpClient http, ServerUnderTest server, int seconds) {
        return Thread.ofVirtual().start(() -> {
            if (BROWSE_RATE <= 0) {
                return;
            }
            int batches = BROWSE_RATE * seconds / BROWSE_BATCH;
            long interval = 1_000_000_000L * BROWSE_BATCH / BROWSE_RATE;
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int b = 0; b < batches; b++) {
                    long wait = start + b * interval - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    String body = browseBatch(b);
                    pool.submit(() -> {
                        try {
                            if (IngestionBenchmark.post(http, server.baseUrl() + "/v1/batch", body) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (errors.get() > 0) {
                System.out.println("browsing batch errors: " + errors.get());
            }
        });
    }

    private static String browseBatch(int batch) {
        StringBuilder body = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < BROWSE_BATCH; i++) {
            int n = batch * BROWSE_BATCH + i;
            String visitor = "visitor-" + (n % 1_000);
            if (i > 0) {
                body.append(',');
            }
            if (n % 2 == 0) {
                body.append("{\"type\":\"track\",\"event\":\"Product Viewed\",\"anonymousId\":\"")
                        .append(visitor)
                        .append("\",\"messageId\":\"view-")
                        .append(n)
                        .append("\",\"properties\":{\"product_id\":\"p-")
                        .append(n % 500)
                        .append("\"}}");
            } else {
                body.append("{\"type\":\"page\",\"name\":\"Home\",\"anonymousId\":\"")
                        .append(visitor)
                        .append("\",\"messageId\":\"page-")
                        .append(n)
                        .append("\"}");
            }
        }
        return body.append("]}").toString();
    }

    /** Open-loop purchases; answers when each order's event was due, in epoch milliseconds. */
    private static Map<String, Long> purchases(
            HttpClient http, ServerUnderTest server, int rate, int seconds, String prefix) throws InterruptedException {
        Map<String, Long> dueAt = new ConcurrentHashMap<>();
        long total = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        Map<String, Long> errors = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String order = prefix + i;
                long dueMillis = startMillis + (i * interval) / 1_000_000;
                pool.submit(() -> {
                    try {
                        String body =
                                "{\"userId\":\"buyer-" + order + "\",\"event\":\"Order Completed\",\"messageId\":\""
                                        + order + "\",\"properties\":{\"order_id\":\"" + order + "\",\"total\":25}}";
                        int status = IngestionBenchmark.post(http, server.baseUrl() + "/v1/track", body);
                        if (status == 200) {
                            dueAt.put(order, dueMillis);
                        } else {
                            errors.merge("HTTP " + status, 1L, Long::sum);
                        }
                    } catch (Exception e) {
                        // Not answered: the client's connection failed (not counted as the server's).
                        errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            System.out.println("track calls not accepted: " + errors);
        }
        return dueAt;
    }

    /**
     * Per order, when the bench-send run's first step was logged, minus when its event was due. Waits
     * with a cheap count (the full join costs the database close to a second once thousands of runs
     * exist, which would load the server it measures), then reads the latencies once.
     */
    private static List<Long> latencies(ServerUnderTest server, Map<String, Long> dueAt, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long phaseStart =
                dueAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        List<Long> latencies = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline && firstStepsSince(statement, phaseStart) < dueAt.size()) {
                Thread.sleep(200);
            }
            try (ResultSet rows = statement.executeQuery("""
                    select r.context ->> 'orderId', (extract(epoch from min(l.occurred_at)) * 1000)::bigint
                    from journeys_run r join journeys_step_log l on l.tenant_id = r.tenant_id and l.run_id = r.run_id
                    where r.journey_key = 'bench-send' and l.step_id = 'first' group by 1
                    """)) {
                while (rows.next()) {
                    Long due = dueAt.get(rows.getString(1));
                    if (due != null) {
                        latencies.add(rows.getLong(2) - due);
                    }
                }
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** First steps of bench-send logged since the instant (epoch ms), over the step log's journey index. */
    private static long firstStepsSince(Statement statement, long since) throws Exception {
        try (ResultSet rows = statement.executeQuery("""
                select count(*) from journeys_step_log
                where tenant_id = (select tenant_id from journeys_definition where journey_key = 'bench-send' limit 1)
                  and journey_key = 'bench-send' and step_id = 'first' and occurred_at >= to_timestamp(%d / 1000.0)
                """.formatted(since))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void report(int rate, int seconds, int accepted, List<Long> latencies) {
        System.out.printf(
                "%n| purchase → first send step, %d events/s for %d s | runs | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n",
                rate, seconds);
        System.out.printf(
                "| %d events accepted | %d | %d | %d | %d |%n",
                accepted,
                latencies.size(),
                percentile(latencies, 0.5),
                percentile(latencies, 0.99),
                latencies.isEmpty() ? -1 : latencies.getLast());
    }

    /** Per-stage p50/p99 from the rows' timestamps: where a purchase's latency is spent. */
    private static void stages(ServerUnderTest server, Map<String, Long> dueAt) throws Exception {
        String[] names = {
            "due → event stored", "stored → profile created", "profile → run started", "run started → first step logged"
        };
        List<List<Long>> deltas = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select r.context ->> 'orderId',
                          (extract(epoch from e.received_at) * 1000)::bigint,
                          (extract(epoch from c.created_at) * 1000)::bigint,
                          (extract(epoch from r.started_at) * 1000)::bigint,
                          (extract(epoch from l.first_at) * 1000)::bigint
                        from journeys_run r
                        join (select tenant_id, run_id, min(occurred_at) as first_at from journeys_step_log
                              where step_id = 'first' group by 1, 2) l
                          on l.tenant_id = r.tenant_id and l.run_id = r.run_id
                        join ingestion_event e on e.tenant_id = r.tenant_id and e.message_id = r.context ->> 'orderId'
                        join profiles_customer c on c.tenant_id = r.tenant_id and c.customer_id = r.customer_id
                        where r.journey_key = 'bench-send'
                        """)) {
            while (rows.next()) {
                Long due = dueAt.get(rows.getString(1));
                if (due == null) {
                    continue;
                }
                long[] at = {due, rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)};
                for (int i = 0; i < 4; i++) {
                    deltas.get(i).add(at[i + 1] - at[i]);
                }
            }
        }
        System.out.printf("%n| stage | orders | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        for (int i = 0; i < 4; i++) {
            List<Long> sorted = deltas.get(i);
            Collections.sort(sorted);
            System.out.printf(
                    "| %s | %d | %d | %d | %d |%n",
                    names[i],
                    sorted.size(),
                    percentile(sorted, 0.5),
                    percentile(sorted, 0.99),
                    sorted.isEmpty() ? -1 : sorted.getLast());
        }
    }

    /** Clones the journey's parked runs up to {@code target}, makes them all due now and times the drain. */
    private static void drain(ServerUnderTest server, String journey, int target, String label) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement statement = connection.createStatement()) {
            long parked = count(statement, journey);
            if (parked == 0) {
                System.out.println(journey + ": no parked runs");
                return;
            }
            long copies = Math.max(0, (target - parked + parked - 1) / parked);
            statement.executeUpdate("""
                    insert into journeys_run (tenant_id, run_id, journey_key, version, customer_id, entry_key, status,
                        step_id, due_at, context, started_at)
                    select r.tenant_id, gen_random_uuid(), r.journey_key, r.version, r.customer_id,
                        r.entry_key || ':clone:' || g, 'active', r.step_id, r.due_at, r.context, r.started_at
                    from journeys_run r cross join generate_series(1, %d) g
                    where r.journey_key = '%s' and r.status = 'active'
                    """.formatted(copies, journey));
            long runs = count(statement, journey);
            double cpuBefore = server.cpuSeconds();
            long start = System.nanoTime();
            statement.executeUpdate("""
                    update journeys_run set due_at = now(),
                        context = jsonb_set(context, '{wait:pause}',
                            to_jsonb(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
                    where journey_key = '%s' and status = 'active'
                    """.formatted(journey));
            while (count(statement, journey) > 0) {
                Thread.sleep(250);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = server.cpuSeconds() - cpuBefore;
            System.out.printf(
                    "%n| %s: %d runs due at once | drain s | runs/s | server CPU-s per 1,000 runs |%n|---|---|---|---|%n"
                            + "| %s | %.1f | %.0f | %.2f |%n",
                    journey, runs, label, wall, runs / wall, cpu * 1000 / runs);
        }
    }

    private static long count(Statement statement, String journey) throws Exception {
        try (ResultSet rows = statement.executeQuery(
                "select count(*) from journeys_run where journey_key = '" + journey + "' and status = 'active'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void admin(HttpClient http, ServerUnderTest server, String path, String type, String body)
            throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + ServerUnderTest.ADMIN_KEY)
                        .header("Content-Type", type)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
