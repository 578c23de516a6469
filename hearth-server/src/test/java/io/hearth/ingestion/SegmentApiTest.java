package io.hearth.ingestion;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@HearthTest
class SegmentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void trackIsStoredAndReadBackNewestFirst() {
        Response first = track("""
                {"userId":"u1","event":"Signed Up","messageId":"m-1","timestamp":"2026-01-01T10:00:00Z"}""");
        Response second = track("""
                {"userId":"u1","event":"Logged In","messageId":"m-2","timestamp":"2026-01-02T10:00:00Z"}""");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("success").asBoolean()).isTrue();
        assertThat(second.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode events =
                api.get("/v1/events?userId=u1", bearer(shop.adminKey())).json().get("data");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("event").asString()).isEqualTo("Logged In");
        assertThat(events.get(1).get("messageId").asString()).isEqualTo("m-1");
    }

    @Test
    void aResentMessageIdIsStoredOnce() {
        String body = """
                {"anonymousId":"a1","event":"Product Viewed","messageId":"same","properties":{"product_id":"p1"}}""";

        track(body);
        Response again = track(body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/events?anonymousId=a1", bearer(shop.adminKey()))
                        .json()
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void clockSkewIsCorrectedFromSentAt() {
        // The client's clock runs an hour fast: timestamp and sentAt are both an hour ahead.
        track("""
                {"userId":"skew","event":"E","timestamp":"2099-01-01T11:00:00Z","sentAt":"2099-01-01T11:00:10Z"}""");

        JsonNode event = api.get("/v1/events?userId=skew", bearer(shop.adminKey()))
                .json()
                .get("data")
                .get(0);
        java.time.Instant corrected =
                java.time.Instant.parse(event.get("timestamp").asString());
        java.time.Instant received =
                java.time.Instant.parse(event.get("receivedAt").asString());
        assertThat(java.time.Duration.between(corrected, received)).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(event.get("originalTimestamp").asString()).isEqualTo("2099-01-01T11:00:00Z");
    }

    @Test
    void commerceEventsAreNormalized() {
        track("""
                {"userId":"buyer","event":"Order Completed","properties":{"order_id":1001,"total":"59.90",
                 "currency":"usd","products":[{"sku":"S-1","price":"29.95","quantity":2}]}}""");

        JsonNode properties = api.get("/v1/events?userId=buyer", bearer(shop.adminKey()))
                .json()
                .get("data")
                .get(0)
                .get("properties");
        assertThat(properties.get("order_id").asString()).isEqualTo("1001");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("59.90");
        assertThat(properties.get("currency").asString()).isEqualTo("USD");
        assertThat(properties.get("products").get(0).get("price").isNumber()).isTrue();
    }

    @Test
    void commerceEventWithoutCurrencyTakesTheTenantCurrency() {
        track("""
                {"userId":"eu","event":"Order Completed","properties":{"order_id":"o-1","total":10}}""");

        JsonNode properties = api.get("/v1/events?userId=eu", bearer(shop.adminKey()))
                .json()
                .get("data")
                .get(0)
                .get("properties");
        assertThat(properties.get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void invalidEventIsAProblemNamingEachField() {
        Response answer = track("""
                {"event":7,"timestamp":"last tuesday","properties":[],"surprise":true}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("ingestion.invalid-event");
        assertThat(pointers(answer))
                .containsExactlyInAnyOrder("/userId", "/event", "/timestamp", "/properties", "/surprise");
    }

    @Test
    void invalidCommercePropertiesNameTheNestedField() {
        Response answer = track("""
                {"userId":"u","event":"Order Completed","properties":{"order_id":"o","currency":"EURO",
                 "products":[{"product_id":"p","price":"cheap","quantity":1.5}]}}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(pointers(answer))
                .containsExactlyInAnyOrder(
                        "/properties/currency", "/properties/products/0/price", "/properties/products/0/quantity");
    }

    @Test
    void batchKeepsValidEventsAndReportsInvalidOnesByIndex() {
        Response answer = api.post("/v1/batch", basic(shop.writeKey()), """
                {"batch":[
                  {"type":"identify","userId":"b1","traits":{"plan":"gold"}},
                  {"type":"track","event":"No identity"},
                  {"type":"teleport","userId":"b1"},
                  {"type":"page","userId":"b1","name":"Home"}
                ],"context":{"library":{"name":"test"}}}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        JsonNode rejected = answer.json().get("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("errors").get(0).get("pointer").asString())
                .isEqualTo("/batch/1/userId");
        assertThat(rejected.get(1).get("errors").get(0).get("pointer").asString())
                .isEqualTo("/batch/2/type");
        JsonNode stored =
                api.get("/v1/events?userId=b1", bearer(shop.adminKey())).json().get("data");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("context").get("library").get("name").asString())
                .isEqualTo("test");
    }

    /**
     * The log's columns travel as arrays: characters that array literals quote or escape, the word
     * NULL and absent ids must come back exactly as sent, in the columns as in the payload.
     */
    @Test
    void batchTextSurvivesTheArraysItIsStoredThrough() {
        String name = "Quote \\\" back\\\\slash {brace}, comma \\t tab é 😀";
        Response answer = api.post("/v1/batch", basic(shop.writeKey()), """
                {"batch":[
                  {"type":"track","userId":"NULL","event":"%s","properties":{"note":"%s"}},
                  {"type":"track","anonymousId":"{a,\\"b\\"}","event":"NULL"}
                ]}""".formatted(name, name));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        String expected = "Quote \" back\\slash {brace}, comma \t tab é 😀";
        JsonNode byUser = api.get("/v1/events?userId=NULL", bearer(shop.adminKey()))
                .json()
                .get("data");
        assertThat(byUser).hasSize(1);
        assertThat(byUser.get(0).get("event").asString()).isEqualTo(expected);
        assertThat(byUser.get(0).get("properties").get("note").asString()).isEqualTo(expected);
        assertThat(byUser.get(0).has("anonymousId")).isFalse();
        JsonNode byAnonymous = api.get("/v1/events?anonymousId=%7Ba,%22b%22%7D", bearer(shop.adminKey()))
                .json()
                .get("data");
        assertThat(byAnonymous).hasSize(1);
        assertThat(byAnonymous.get(0).get("event").asString()).isEqualTo("NULL");
        assertThat(byAnonymous.get(0).has("userId")).isFalse();
    }

    @Test
    void batchWithNothingValidIsAProblem() {
        Response answer = api.post("/v1/batch", basic(shop.writeKey()), """
                {"batch":[{"type":"track","event":"x"}]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("ingestion.invalid-batch");
        assertThat(pointers(answer)).containsExactly("/batch/0/userId");
    }

    @Test
    void malformedJsonIsAProblem() {
        Response answer = track("{\"userId\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("ingestion.malformed-json");
    }

    @Test
    void oversizeEventAndBatchAreRefused() {
        String big = "x".repeat(33 * 1024);
        Response event = track("{\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"blob\":\"" + big + "\"}}");
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 20; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"b\":\"")
                    .append("y".repeat(30 * 1024))
                    .append("\"}}");
        }
        Response tooBig =
                api.post("/v1/batch", basic(shop.writeKey()), batch.append("]}").toString());

        assertThat(event.status()).isEqualTo(413);
        assertThat(event.json().get("code").asString()).isEqualTo("ingestion.event-too-large");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("code").asString()).isEqualTo("ingestion.batch-too-large");
        assertThat(api.get("/v1/events?userId=u", bearer(shop.adminKey()))
                        .json()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void gzippedBatchIsAccepted() throws IOException {
        byte[] body = gzip("""
                {"batch":[{"type":"track","userId":"gz","event":"Compressed"}]}""");

        Response answer = api.postBytes("/v1/batch", basic(shop.writeKey()), body, "Content-Encoding", "gzip");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void callsWithoutOrWithWrongCredentialsAreRefused() {
        Response none = api.postBytes("/v1/track", "", "{}".getBytes(StandardCharsets.UTF_8));
        Response wrong = api.post("/v1/track", basic("not-a-key"), "{}");
        String readOnly = tenantManagement
                .createApiKey(shop.id(), "reader", Set.of(Scope.READ), null)
                .secret();
        Response forbidden = api.post("/v1/track", bearer(readOnly), "{\"userId\":\"u\",\"event\":\"E\"}");
        Response writeKeyReading = api.get("/v1/events", basic(shop.writeKey()));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asString()).isEqualTo("tenancy.unauthenticated");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(writeKeyReading.status()).isEqualTo(403);
    }

    @Test
    void unknownRoutesAndMethodsAnswerAsProblems() {
        Response missing = api.get("/v1/nowhere", bearer(shop.adminKey()));
        Response method = api.delete("/v1/events", bearer(shop.adminKey()));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("platform.not-found");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("code").asString()).isEqualTo("platform.method-not-allowed");
    }

    @Test
    void eventsArePagedAndFiltered() {
        for (int i = 0; i < 5; i++) {
            track("{\"userId\":\"pager\",\"event\":\"E" + i + "\",\"timestamp\":\"2026-03-0" + (i + 1)
                    + "T00:00:00Z\"}");
        }
        api.post("/v1/identify", basic(shop.writeKey()), "{\"userId\":\"pager\",\"traits\":{}}");

        JsonNode page1 = api.get("/v1/events?type=track&limit=2", bearer(shop.adminKey()))
                .json();
        JsonNode page2 = api.get(
                        "/v1/events?type=track&limit=2&cursor="
                                + page1.get("next").asString(),
                        bearer(shop.adminKey()))
                .json();
        JsonNode march = api.get(
                        "/v1/events?event=E2&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z",
                        bearer(shop.adminKey()))
                .json();
        Response badLimit = api.get("/v1/events?limit=0", bearer(shop.adminKey()));

        assertThat(names(page1)).containsExactly("E4", "E3");
        assertThat(names(page2)).containsExactly("E2", "E1");
        assertThat(names(march)).containsExactly("E2");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(pointers(badLimit)).containsExactly("limit");
    }

    private Response track(String body) {
        return api.post("/v1/track", basic(shop.writeKey()), body);
    }

    private static List<String> pointers(Response answer) {
        return answer.json().get("errors").values().stream()
                .map(error -> error.get("pointer").asString())
                .toList();
    }

    private static List<String> names(JsonNode page) {
        return page.get("data").values().stream()
                .map(event -> event.get("event").asString())
                .toList();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
