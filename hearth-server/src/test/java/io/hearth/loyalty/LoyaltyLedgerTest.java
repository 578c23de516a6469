package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.LoyaltyEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The points ledger through its HTTP API: earn by the rules, idempotency, refunds, redemption, expiry. */
@HearthTest
class LoyaltyLedgerTest {

    static final String RULES = """
            {"pointsPerUnit": 2, "categoryMultipliers": {"shoes": 1.5}, "productMultipliers": {"SKU-9": 3},
             "bonuses": {"FIRST_ORDER": 25, "REVIEW_WRITTEN": 10}}""";
    static final String LINES = """
            [{"lineId": "1", "category": "shoes", "amount": 50},
             {"lineId": "2", "sku": "SKU-9", "category": "shoes", "amount": 10},
             {"lineId": "3", "category": "shipping", "amount": 5},
             {"lineId": "4", "category": "gift_card", "amount": 20},
             {"lineId": "5", "amount": 10.99}]""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    LoyaltyEventsRecorder events;

    @Autowired
    TenantManagement tenancy;

    Api api;
    TestTenant shop;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
        member = "member-" + UUID.randomUUID();
    }

    @Test
    void anOrderEarnsPendingPointsPerLineByTheRulesVersionInForce() {
        assertThat(api.put("/v1/loyalty/rules", admin(), RULES)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);

        Response earned = earn("o-1", LINES, null);

        assertThat(earned.status()).isEqualTo(201);
        // 50×2×1.5 = 150, 10×2×3 = 60 (the product wins), shipping and gift card 0, 10.99×2 = 21, first order 25
        assertThat(earned.json().get("points").asLong()).isEqualTo(256);
        assertThat(earned.json().get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(earned.json().get("reason").asString()).contains("3: 0 (shipping is excluded)");
        assertThat(balance().get("pending").asLong()).isEqualTo(256);
        assertThat(balance().get("available").asLong()).isZero();
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstTransactionAndAnotherBodyIsAConflict() {
        Response first = earn("o-1", LINES, "key-1");
        Response again = earn("o-1", LINES.replace("\n", " "), "key-1");
        Response other = earn("o-1", LINES.replace("10.99", "11.99"), "key-1");
        Response otherKeySameOrder = earn("o-1", LINES, "key-2");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("transactionId")).isEqualTo(first.json().get("transactionId"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("loyalty.idempotency-conflict");
        assertThat(otherKeySameOrder.status()).isEqualTo(409);
        assertThat(otherKeySameOrder.json().get("code").asString()).isEqualTo("loyalty.order-already-earned");
        assertThat(balance().get("pending").asLong())
                .isEqualTo(first.json().get("points").asLong());
    }

    @Test
    void aRefundTakesBackExactlyTheRefundedLinesPendingOrAvailable() {
        api.put("/v1/loyalty/rules", admin(), RULES);
        earn("o-1", LINES, null);
        earn("o-2", "[{\"lineId\": \"a\", \"amount\": 40}, {\"lineId\": \"b\", \"amount\": 7}]", null);
        loyalty.releaseOrder(shop.id(), "o-1");

        Response pendingLine = refund("o-2", "{\"lineIds\": [\"b\"]}");
        Response availableLine = refund("o-1", "{\"lineIds\": [\"2\"]}");
        Response twice = refund("o-1", "{\"lineIds\": [\"2\"]}", "another-key");

        assertThat(pendingLine.json().get("points").asLong()).isEqualTo(14);
        assertThat(availableLine.json().get("points").asLong()).isEqualTo(60);
        assertThat(balance().get("available").asLong()).isEqualTo(256 - 60);
        assertThat(balance().get("pending").asLong()).isEqualTo(80);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/lineIds/0");
        assertThat(loyalty.reconcile(shop.id()).clean()).isTrue();
    }

    @Test
    void refundingSpentPointsLeavesAShortfallThatTheNextPointsSettle() {
        reward("mug", 80, null);
        earn("o-1", "[{\"lineId\": \"a\", \"amount\": 100}]", null);
        loyalty.releaseOrder(shop.id(), "o-1");
        assertThat(redeem("mug").status()).isEqualTo(201);

        refund("o-1", "{}");
        assertThat(balance().get("available").asLong()).isEqualTo(-80);
        assertThat(balance().get("shortfall").asLong()).isEqualTo(80);
        adjust(50, "apology");

        assertThat(balance().get("available").asLong()).isEqualTo(-30);
        assertThat(balance().get("shortfall").asLong()).isEqualTo(30);
        assertThat(redeem("mug").json().get("code").asString()).isEqualTo("loyalty.insufficient-points");
        assertThat(loyalty.reconcile(shop.id()).clean()).isTrue();
    }

    @Test
    void redemptionSpendsTheFirstLotsToExpireAndExpiryTakesTheRestWithAReminderBefore() {
        reward("mug", 30, null);
        earn("o-1", "[{\"lineId\": \"a\", \"amount\": 40}]", null);
        loyalty.releaseOrder(shop.id(), "o-1");
        Instant firstExpiry = Instant.now().plus(Duration.ofDays(365));
        adjust(100, "goodwill");
        redeem("mug");

        loyalty.runMaintenance(shop.id(), firstExpiry.minus(Duration.ofDays(13)));
        long expired = loyalty.runMaintenance(shop.id(), firstExpiry);

        assertThat(events.expiring(shop.id())).hasSize(1);
        assertThat(events.expiring(shop.id()).getFirst().points()).isEqualTo(10 + 100);
        assertThat(expired).isEqualTo(10);
        assertThat(balance().get("available").asLong()).isEqualTo(100);
        assertThat(balance().get("expired").asLong()).isEqualTo(10);
        assertThat(loyalty.runMaintenance(shop.id(), firstExpiry)).isZero();
        assertThat(loyalty.reconcile(shop.id()).clean()).isTrue();
    }

    @Test
    void anAdjustmentNamesItsActorAndAReversalCorrectsItOnce() {
        Response adjusted = adjust(70, "compensation for a late parcel");
        String id = adjusted.json().get("transactionId").asString();

        Response reversal = api.post("/v1/loyalty/transactions/" + id + "/reversal", admin(), "{\"reason\": \"typo\"}");
        Response again = api.post("/v1/loyalty/transactions/" + id + "/reversal", admin(), "{\"reason\": \"typo\"}");
        Response otherKey = post("/v1/loyalty/transactions/" + id + "/reversal", "{\"reason\": \"typo\"}", "k2");

        assertThat(adjusted.json().get("actor").asString()).startsWith("api-key:");
        assertThat(adjusted.json().get("reason").asString()).isEqualTo("compensation for a late parcel");
        assertThat(reversal.status()).isEqualTo(201);
        assertThat(reversal.json().get("reverses").asString()).isEqualTo(id);
        assertThat(again.json().get("transactionId")).isEqualTo(reversal.json().get("transactionId"));
        assertThat(otherKey.json().get("code").asString()).isEqualTo("loyalty.already-reversed");
        assertThat(balance().get("available").asLong()).isZero();
        JsonNode history = api.get("/v1/loyalty/members/" + member + "/history", admin())
                .json()
                .get("data");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("kind").asString()).isEqualTo("REVERSAL");
    }

    @Test
    void anOrderOfExcludedLinesEarnsNothingAndKeepsItsKey() {
        Response earned = earn("o-ship", "[{\"lineId\": \"1\", \"category\": \"shipping\", \"amount\": 5}]", null);
        Response again = earn("o-ship", "[{\"lineId\": \"1\", \"category\": \"shipping\", \"amount\": 5}]", null);

        assertThat(earned.status()).isEqualTo(201);
        assertThat(earned.json().get("points").asLong()).isZero();
        assertThat(earned.json().get("entries").size()).isZero();
        assertThat(again.json().get("transactionId")).isEqualTo(earned.json().get("transactionId"));
        assertThat(loyalty.reconcile(shop.id()).clean()).isTrue();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Response order =
                api.post("/v1/loyalty/orders", admin(), "{\"customerId\": \"c\", \"lines\": [{\"lineId\": \"1\"}]}");
        Response adjustment = api.post("/v1/loyalty/members/c/adjustments", admin(), "{\"points\": 0}");
        Response rules = api.put("/v1/loyalty/rules", admin(), "{\"pointsPerUnit\": -1}");
        Response unknownReward = redeem("nope");

        assertThat(order.status()).isEqualTo(400);
        assertThat(order.contentType()).startsWith("application/problem+json");
        assertThat(pointers(order)).contains("/orderId", "/lines/0/amount");
        assertThat(pointers(adjustment)).contains("/points", "/reason");
        assertThat(pointers(rules)).contains("/pointsPerUnit");
        assertThat(unknownReward.status()).isEqualTo(404);
        assertThat(unknownReward.json().get("code").asString()).isEqualTo("loyalty.unknown-reward");
    }

    @Test
    void aReadKeyMayNotWriteToTheLedger() {
        String key = tenancy.createApiKey(shop.id(), "reader", EnumSet.of(Scope.READ), null)
                .secret();

        assertThat(api.post("/v1/loyalty/members/c/adjustments", bearer(key), "{\"points\": 5, \"reason\": \"x\"}")
                        .status())
                .isEqualTo(403);
        // Reading passes the scope check: "c" has no profile nor ledger entry, so it is unknown, not forbidden.
        assertThat(api.get("/v1/loyalty/members/c", bearer(key))
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("loyalty.unknown-member");
    }

    private String pointers(Response problem) {
        return problem.json().get("errors").toString();
    }

    private Response earn(String orderId, String lines, String key) {
        String body =
                "{\"customerId\": \"" + member + "\", \"orderId\": \"" + orderId + "\", \"lines\": " + lines + "}";
        return post("/v1/loyalty/orders", body, key);
    }

    private Response refund(String orderId, String body) {
        return refund(orderId, body, null);
    }

    private Response refund(String orderId, String body, String key) {
        return post("/v1/loyalty/orders/" + orderId + "/refunds", body, key);
    }

    private Response redeem(String rewardId) {
        return api.post(
                "/v1/loyalty/members/" + member + "/redemptions", admin(), "{\"rewardId\": \"" + rewardId + "\"}");
    }

    private Response adjust(long points, String reason) {
        return api.post(
                "/v1/loyalty/members/" + member + "/adjustments",
                admin(),
                "{\"points\": " + points + ", \"reason\": \"" + reason + "\"}");
    }

    private void reward(String id, long cost, String minTier) {
        String tier = minTier == null ? "" : ", \"minTier\": \"" + minTier + "\"";
        assertThat(api.put(
                                "/v1/loyalty/rewards/" + id,
                                admin(),
                                "{\"name\": \"" + id + "\", \"kind\": \"product\", \"cost\": " + cost + tier + "}")
                        .status())
                .isEqualTo(200);
    }

    private Response post(String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", admin())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request);
    }

    private JsonNode balance() {
        return api.get("/v1/loyalty/members/" + member, admin()).json().get("balance");
    }

    private String admin() {
        return bearer(shop.adminKey());
    }
}
