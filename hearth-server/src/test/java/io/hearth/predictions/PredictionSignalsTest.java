package io.hearth.predictions;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.HearthApplication;
import io.hearth.cli.HearthCli;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.platform.DatabaseSettings;
import io.hearth.predictions.PredictionChanged.Signal;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.PredictionEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Scores kept current by profile events, threshold crossings, drift alerts and the CLI. */
@HearthTest
class PredictionSignalsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenancy;

    @Autowired
    IngestionManagement ingestion;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PredictionManagement predictions;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    PredictionEventsRecorder recorder;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DatabaseSettings database;

    @TempDir
    Path files;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void aWeeklyBuyerWhoStoppedCrossesTheChurnThresholdOnceAndItIsLogged() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int week = 0; week < 6; week++) {
            track("Order Completed", "o-" + week, now.minus(100 - 7 * week, ChronoUnit.DAYS));
        }
        String customer = awaitCustomerScored(now.minusSeconds(60));
        Instant identifyAt = Instant.now();
        assertThat(api.post(
                                "/v1/identify",
                                basic(shop.writeKey()),
                                "{\"userId\":\"weekly\",\"messageId\":\"id-1\",\"traits\":{\"plan\":\"gold\"}}")
                        .status())
                .isEqualTo(200);
        awaitScoredAfter(customer, identifyAt);

        assertThat(recorder.changes(shop.id()))
                .filteredOn(change -> change.signal() == Signal.CHURN_RISK)
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.crossedUp()).isTrue();
                    assertThat(change.current()).isGreaterThan(0.7);
                    assertThat(change.modelVersion()).isEqualTo("churn-rules@1");
                    assertThat(change.customerId().value()).isEqualTo(customer);
                });
        assertThat(privacy.decisions(shop.id(), CustomerId.of(customer), 100, null)
                        .decisions())
                .filteredOn(decision -> decision.type().equals("prediction.threshold-crossed"))
                .anySatisfy(decision -> assertThat(decision.outcome()).isEqualTo("churn_risk raised"));
        JsonNode health = api.get("/v1/customers/" + customer + "/predictions", bearer(shop.adminKey()))
                .json()
                .get("health");
        assertThat(health.get("explanation").get(0).get("detail").asString()).contains("since the previous score");
    }

    @Test
    void driftOverTheThresholdIsAMetricAndOneAlert() {
        GeneratedShop generated = new GeneratedShop(ingestion, tenancy, jdbc);
        generated.importInto(shop.id(), files, "base", 40, Instant.now(), 5);
        predictions.train(shop.id(), TrainingListener.NONE);
        DriftReport stable = predictions.drift(shop.id()).orElseThrow();
        assertThat(stable.entries())
                .extracting(DriftReport.Entry::psi)
                .allSatisfy(psi -> assertThat(psi).isLessThan(0.1));

        generated.importOneTimeBuyers(shop.id(), files, "new", 60, Instant.now());
        JsonNode drifted =
                api.get("/v1/predictions/drift", bearer(shop.adminKey())).json();
        predictions.drift(shop.id());

        JsonNode repeat = entry(drifted, "repeat_purchases");
        System.out.printf("PSI after 60 one-time buyers joined 40 regulars: %s%n", drifted.get("entries"));
        assertThat(repeat.get("psi").asDouble()).isGreaterThan(0.2);
        assertThat(meters.get("hearth.predictions.drift.psi")
                        .tag("tenant", shop.id().toString())
                        .tag("feature", "repeat_purchases")
                        .gauge()
                        .value())
                .isEqualTo(repeat.get("psi").asDouble());
        assertThat(recorder.drifts(shop.id()))
                .filteredOn(alert -> alert.feature().equals("repeat_purchases"))
                .singleElement()
                .satisfies(alert -> assertThat(alert.modelVersion()).isEqualTo("clv@1"));

        // Churn risk and health are watched too, each against its own serving version's training window.
        assertThat(entry(drifted, "churn_risk").get("modelVersion").asString()).startsWith("churn");
        assertThat(entry(drifted, "health").get("modelVersion").asString()).startsWith("health");
        assertThat(entry(drifted, "spend_last_90_days").get("modelVersion").asString())
                .startsWith("health");
        assertThat(stable.entries())
                .extracting(DriftReport.Entry::feature)
                .contains("churn_risk", "health", "spend_last_90_days");
        assertThat(meters.get("hearth.predictions.drift.psi")
                        .tag("tenant", shop.id().toString())
                        .tag("feature", "churn_risk")
                        .gauge()
                        .value())
                .isEqualTo(entry(drifted, "churn_risk").get("psi").asDouble());
        // Each alert event became one of the shop's drift alerts: exactly the entries over the threshold.
        java.util.Set<String> over = new java.util.TreeSet<>();
        for (JsonNode entry : drifted.get("entries")) {
            if (entry.get("psi").asDouble() > drifted.get("threshold").asDouble()) {
                over.add(entry.get("modelVersion").asString() + "/"
                        + entry.get("feature").asString());
            }
        }
        java.util.Set<String> alerts = new java.util.TreeSet<>();
        for (JsonNode alert : api.get("/v1/predictions/drift/alerts", bearer(shop.adminKey()))
                .json()
                .get("data")) {
            alerts.add(alert.get("modelVersion").asString() + "/"
                    + alert.get("feature").asString());
        }
        System.out.println("drift alerts: " + alerts);
        assertThat(alerts).contains("clv@1/repeat_purchases").isEqualTo(over);
        assertThat(api.get("/v1/predictions/drift/alerts?limit=0", bearer(shop.adminKey()))
                        .json()
                        .get("errors")
                        .get(0)
                        .get("pointer")
                        .asString())
                .contains("limit");
    }

    @Test
    void theCommandLineTrainsAndListsTheVersions() {
        new GeneratedShop(ingestion, tenancy, jdbc).importInto(shop.id(), files, "cli", 30, Instant.now(), 6);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = HearthCli.run(
                HearthApplication.class,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "train",
                "predictions",
                "--tenant",
                shop.id().toString(),
                "--data-dir",
                database.dataDir().toString());

        System.out.println("hearth train printed:\n" + out);
        System.out.println("hearth train progress:\n" + err.toString().replace('\r', '\n'));
        assertThat(exitCode).as(err.toString()).isZero();
        // The bar redraws one line with carriage returns: reading customers, fitting kinds, then the end.
        // A redraw is asynchronous, so kinds fitted within the same moment may show only as the last one.
        String[] renders = err.toString().split("\r");
        assertThat(renders)
                .as("a render while reading")
                .anySatisfy(line -> assertThat(line).startsWith("train").contains("/? customers"));
        assertThat(renders)
                .as("a render while fitting a kind")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("train")
                        .containsPattern(" fitting (clv|churn|health|replenishment|send-time|next-need)"));
        assertThat(renders[renders.length - 1].trim())
                .startsWith("train")
                .contains("30/? customers")
                .endsWith("done");
        assertThat(out.toString()).contains("clv@1", "churn@1", "send-time@1", "good", "bgnbd_r=");
        assertThat(predictions.versions(shop.id(), ModelKind.CLV, 5)).hasSize(1);
    }

    @Test
    void everyCustomerOfABurstOfSingleCallsIsRescored() throws Exception {
        // One node drains its tenants in turn: let other test classes' backlogs in this shared context
        // finish first, so the waits below time this burst only.
        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        meters.get("hearth.predictions.rescore.pending").gauge().value() == 0);
        double changesBefore = counter("hearth.predictions.rescore.changes");
        double rescoredBefore = counter("hearth.predictions.rescored");
        int customers = 20;
        int callsEach = 5;
        Instant before = Instant.now();
        try (var senders = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int customer = 0; customer < customers; customer++) {
                for (int call = 0; call < callsEach; call++) {
                    String body = "{\"userId\":\"burst-" + customer + "\",\"event\":\"Product Viewed\","
                            + "\"messageId\":\"burst-" + customer + "-" + call
                            + "\",\"properties\":{\"product_id\":\"p-"
                            + call + "\"}}";
                    calls.add(senders.submit(() ->
                            api.post("/v1/track", basic(shop.writeKey()), body).status()));
                }
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
        for (int customer = 0; customer < customers; customer++) {
            String id = "burst-" + customer;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/v1/customers/lookup?userId=" + id, bearer(shop.adminKey()))
                                    .status()
                            == 200);
            String customerId = api.get("/v1/customers/lookup?userId=" + id, bearer(shop.adminKey()))
                    .json()
                    .get("customerId")
                    .asString();
            awaitScoredAfter(customerId, before);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        meters.get("hearth.predictions.rescore.pending").gauge().value() == 0);
        double asked = counter("hearth.predictions.rescore.changes") - changesBefore;
        double done = counter("hearth.predictions.rescored") - rescoredBefore;

        // Concurrent calls are resolved together, so fewer changes than calls are announced; how many
        // are rescored together then depends on the calls' timing.
        assertThat(asked).isGreaterThanOrEqualTo(customers);
        assertThat(done).isGreaterThanOrEqualTo(customers).isLessThanOrEqualTo(asked);
    }

    private double counter(String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode entry(JsonNode report, String feature) {
        for (JsonNode entry : report.get("entries")) {
            if (entry.get("feature").asString().equals(feature)) {
                return entry;
            }
        }
        throw new AssertionError("no " + feature + " in " + report);
    }

    private void track(String event, String orderId, Instant at) {
        String body = "{\"userId\":\"weekly\",\"event\":\"" + event + "\",\"messageId\":\"" + orderId
                + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":40}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    /** Waits until all six orders are on the profile and a score was stored after them. */
    private String awaitCustomerScored(Instant after) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode found = api.get("/v1/customers/lookup?userId=weekly", bearer(shop.adminKey()))
                    .json();
            return found.has("computed")
                    && found.get("computed").get("ordersCount").asLong() == 6;
        });
        String customer = api.get("/v1/customers/lookup?userId=weekly", bearer(shop.adminKey()))
                .json()
                .get("customerId")
                .asString();
        awaitScoredAfter(customer, after);
        return customer;
    }

    private void awaitScoredAfter(String customer, Instant after) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TenantContext.call(
                                shop.id(),
                                () -> jdbc.sql(
                                                "select count(*) from predictions_score where customer_id = :c and scored_at > :after")
                                        .param("c", customer)
                                        .param("after", Timestamp.from(after))
                                        .query(Long.class)
                                        .single())
                        == 1L);
    }
}
