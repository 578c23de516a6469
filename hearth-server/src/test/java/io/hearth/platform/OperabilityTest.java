package io.hearth.platform;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What operators rely on: the API description, probes, metrics, and logs that carry no PII. */
@HearthTest
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDatabaseLooksAtGrowingTablesEveryTenSecondsNotEveryMinute() {
        String naptime = jdbc.sql("select current_setting('autovacuum_naptime')")
                .query(String.class)
                .single();

        assertThat(naptime).isEqualTo("10s");
    }

    @Test
    void openApiDocumentAndInteractiveDocsAreServed() {
        Api api = new Api(port);

        var document = api.get("/v3/api-docs", "");
        var ui = api.get("/swagger-ui/index.html", "");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames()).contains("/v1/batch", "/v1/events", "/v1/sources");
        assertThat(ui.status()).isEqualTo(200);
    }

    @Test
    void probesAnswerWithoutCredentials() {
        Api api = new Api(port);

        assertThat(api.get("/actuator/health/readiness", "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", "").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void metricsCountAcceptedAndRejectedEventsByReason() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        api.post("/v1/track", basic(shop.writeKey()), "{\"userId\":\"m\",\"event\":\"Counted\"}");
        api.post("/v1/track", basic(shop.writeKey()), "{\"event\":\"Nobody\"}");

        String metrics = api.get("/actuator/prometheus", "").body();

        assertThat(metrics)
                .contains("hearth_ingestion_events_accepted_total{application=\"hearth\",type=\"track\"}")
                .contains("hearth_ingestion_events_rejected_total{application=\"hearth\",reason=\"missing-identity\"}")
                .contains("hearth_ingestion_latency_seconds_bucket");
    }

    @Test
    void logsNeverCarryCustomerDetails(CapturedOutput output) {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        String email = "very.private.person@example.com";

        api.post(
                "/v1/identify",
                basic(shop.writeKey()),
                "{\"userId\":\"pii\",\"traits\":{\"email\":\"" + email + "\"}}");
        api.post(
                "/v1/identify",
                basic(shop.writeKey()),
                "{\"traits\":{\"email\":\"" + email + "\",\"phone\":\"+44 7700 900123\"}}");
        api.post(
                "/v1/batch",
                basic(shop.writeKey()),
                "{\"batch\":[{\"type\":\"identify\",\"traits\":{\"email\":\"" + email + "\"}}]}");

        assertThat(output.getAll()).doesNotContain(email).doesNotContain("7700 900123");
    }
}
