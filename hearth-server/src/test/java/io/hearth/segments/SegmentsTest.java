package io.hearth.segments;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.SegmentEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@HearthTest
class SegmentsTest {

    static final String LAPSED_REGULARS = "customer.orders_count >= 3 && customer.days_since_last_order > 60";
    static final String GOLD = "has(customer.traits.plan) && customer.traits.plan == 'gold'";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    SegmentEventsRecorder recorded;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void anInvalidExpressionIsAProblemNamingTheExpression() {
        Response answer = createSegment("broken", "customer.orders_count >= ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("segments.invalid-segment");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/expression");
        assertThat(error.get("detail").asString()).startsWith("1:26: ");
    }

    @Test
    void aSegmentCreatedAfterProfilesExistGetsItsMembersInBulk() {
        String regular = buyer("regular", 3, Instant.parse("2025-01-01T10:00:00Z"));
        String recent = buyer("recent", 3, Instant.now().minus(Duration.ofDays(10)));
        buyer("once", 1, Instant.parse("2025-02-01T10:00:00Z"));
        String regularId = awaitCustomer(regular, profile -> orders(profile) == 3);
        awaitCustomer(recent, profile -> orders(profile) == 3);
        awaitCustomer("once", profile -> orders(profile) == 1);

        Response created = createSegment("lapsed regulars", LAPSED_REGULARS);

        assertThat(created.status()).isEqualTo(201);
        JsonNode segment = created.json();
        assertThat(segment.get("memberCount").asLong()).isEqualTo(1);
        assertThat(segment.get("evaluation").get("profilesEvaluated").asLong()).isEqualTo(3);
        assertThat(created.header("Location")).endsWith("/v1/segments/" + id(segment));
        assertThat(members(id(segment))).containsExactly(regularId);
        assertThat(segmentNamesOf(regularId)).containsExactly("lapsed regulars");
        assertThat(recorded.entered(shop.id()))
                .containsExactly(new SegmentEntered(shop.id(), SegmentId.of(id(segment)), CustomerId.of(regularId)));
    }

    @Test
    void customersEnterWhenTheyQualifyAndExitWhenTheyStop() {
        String segment = id(createSegment("gold", GOLD).json());

        identify("ada", "gold");
        String ada = awaitCustomer("ada", profile -> true);
        await().atMost(Duration.ofSeconds(20)).until(() -> members(segment).contains(ada));
        assertThat(segmentNamesOf(ada)).containsExactly("gold");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorded.entered(shop.id())
                        .contains(new SegmentEntered(shop.id(), SegmentId.of(segment), CustomerId.of(ada))));

        identify("ada", "basic");
        await().atMost(Duration.ofSeconds(20)).until(() -> members(segment).isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorded.exited(shop.id())
                        .contains(new SegmentExited(shop.id(), SegmentId.of(segment), CustomerId.of(ada))));
        assertThat(segmentNamesOf(ada)).isEmpty();
        assertThat(recorded.entered(shop.id())).hasSize(1);
        java.util.List<String> audited = api
                .get("/v1/customers/" + ada + "/decisions?limit=10", io.hearth.testing.Api.bearer(shop.adminKey()))
                .json()
                .get("data")
                .values()
                .stream()
                .map(decision -> decision.get("type").asString() + ":"
                        + decision.get("outcome").asString())
                // Predictions log their own threshold crossings for the same customer.
                .filter(decision -> decision.startsWith("segment."))
                .toList();
        assertThat(audited).containsExactly("segment.exited:" + segment, "segment.entered:" + segment);
    }

    @Test
    void anAbsorbedCustomerLeavesEverySegmentOnMerge() {
        String segment = id(createSegment("gold", GOLD).json());
        send("/v1/identify", "{\"userId\":\"first\",\"traits\":{\"plan\":\"gold\",\"email\":\"same@example.com\"}}");
        identify("second", "gold");
        awaitCustomer("first", profile -> true);
        awaitCustomer("second", profile -> true);
        await().atMost(Duration.ofSeconds(20)).until(() -> members(segment).size() == 2);

        send("/v1/identify", "{\"userId\":\"second\",\"traits\":{\"email\":\"same@example.com\"}}");

        await().atMost(Duration.ofSeconds(20)).until(() -> members(segment).size() == 1);
        assertThat(recorded.exited(shop.id())).hasSize(1);
    }

    @Test
    void segmentsAreListedPagedChangedAndDeleted() {
        for (String name : List.of("a", "b", "c")) {
            identify(name, "gold");
            awaitCustomer(name, profile -> true);
        }
        String segment = id(createSegment("gold", GOLD).json());

        JsonNode firstPage = api.get("/v1/segments/" + segment + "/members?limit=2", bearer(shop.adminKey()))
                .json();
        JsonNode secondPage = api.get(
                        "/v1/segments/" + segment + "/members?limit=2&cursor="
                                + firstPage.get("next").asString(),
                        bearer(shop.adminKey()))
                .json();
        assertThat(firstPage.get("customers")).hasSize(2);
        assertThat(secondPage.get("customers")).hasSize(1);
        assertThat(secondPage.has("next")).isFalse();
        JsonNode listed =
                api.get("/v1/segments", bearer(shop.adminKey())).json().get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("memberCount").asLong()).isEqualTo(3);

        Response changed = api.put(
                "/v1/segments/" + segment, bearer(shop.adminKey()), body("nobody", "customer.orders_count > 100"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("memberCount").asLong()).isZero();
        assertThat(changed.json().get("evaluation").get("exited").asLong()).isEqualTo(3);

        assertThat(api.delete("/v1/segments/" + segment, bearer(shop.adminKey()))
                        .status())
                .isEqualTo(204);
        Response gone = api.get("/v1/segments/" + segment, bearer(shop.adminKey()));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asString()).isEqualTo("segments.unknown-segment");
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        identify("ada", "gold");
        String ada = awaitCustomer("ada", profile -> true);
        String segment = id(createSegment("gold", GOLD).json());
        TestTenant other = tenants.create();

        assertThat(api.get("/v1/segments", bearer(other.adminKey())).json().get("data"))
                .isEmpty();
        assertThat(api.get("/v1/segments/" + segment, bearer(other.adminKey())).status())
                .isEqualTo(404);
        assertThat(api.get("/v1/segments/" + segment + "/members", bearer(other.adminKey()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v1/customers/" + ada + "/segments", bearer(other.adminKey()))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/v1/segments/" + segment, bearer(other.adminKey()))
                        .status())
                .isEqualTo(404);
        assertThat(members(segment)).containsExactly(ada);
    }

    private Response createSegment(String name, String expression) {
        return api.post("/v1/segments", bearer(shop.adminKey()), body(name, expression));
    }

    private static String body(String name, String expression) {
        return "{\"name\":\"" + name + "\",\"expression\":\"" + expression.replace("\"", "\\\"") + "\"}";
    }

    private void identify(String userId, String plan) {
        send("/v1/identify", "{\"userId\":\"" + userId + "\",\"traits\":{\"plan\":\"" + plan + "\"}}");
    }

    private void send(String path, String body) {
        assertThat(api.post(path, basic(shop.writeKey()), body).status())
                .as(body)
                .isEqualTo(200);
    }

    /** Sends orders an hour apart from the given time on. */
    private String buyer(String userId, int orders, Instant from) {
        for (int i = 0; i < orders; i++) {
            String order = userId + "-" + i;
            send(
                    "/v1/track",
                    "{\"userId\":\"" + userId + "\",\"event\":\"Order Completed\",\"messageId\":\"" + order
                            + "\",\"timestamp\":\"" + from.plus(Duration.ofHours(i))
                            + "\",\"properties\":{\"order_id\":\""
                            + order + "\",\"total\":\"20\"}}");
        }
        return userId;
    }

    private String awaitCustomer(String userId, Predicate<JsonNode> ready) {
        JsonNode profile = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            Response answer = api.get("/v1/customers/lookup?userId=" + userId, bearer(shop.adminKey()));
                            return answer.status() == 200 ? answer.json() : null;
                        },
                        found -> found != null && ready.test(found));
        return profile.get("customerId").asString();
    }

    private List<String> members(String segment) {
        return api
                .get("/v1/segments/" + segment + "/members?limit=1000", bearer(shop.adminKey()))
                .json()
                .get("customers")
                .values()
                .stream()
                .map(JsonNode::asString)
                .toList();
    }

    private List<String> segmentNamesOf(String customer) {
        return api
                .get("/v1/customers/" + customer + "/segments", bearer(shop.adminKey()))
                .json()
                .get("data")
                .values()
                .stream()
                .map(segment -> segment.get("name").asString())
                .toList();
    }

    private static long orders(JsonNode profile) {
        return profile.get("computed").get("ordersCount").asLong();
    }

    private static String id(JsonNode segment) {
        return segment.get("segmentId").asString();
    }
}
