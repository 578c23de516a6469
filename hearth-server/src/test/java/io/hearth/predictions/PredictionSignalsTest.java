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
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("clv@1", "churn@1", "send-time@1", "good", "bgnbd_r=");
        assertThat(predictions.versions(shop.id(), ModelKind.CLV, 5)).hasSize(1);
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
