package io.hearth.loyalty;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The story from the order lifecycle: an order tracked through the Segment API earns pending
 * points, its return window closes (3 s in tests) and they become available; a refunded order
 * gives its points back. Each award is in the decision log.
 */
@HearthTest
class LoyaltyOrderLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void aPaidOrderEarnsPendingPointsThatBecomeAvailableWhenItsReturnWindowCloses() {
        track("o-1", "Order Completed", ",\"total\":80", "m-1");
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> customerId("buyer"), id -> id != null);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> balance(customer).get("pending").asLong() == 80
                        || balance(customer).get("available").asLong() == 80);
        track("o-1", "Order Delivered", "", "m-2");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> balance(customer).get("available").asLong() == 80);

        assertThat(balance(customer).get("pending").asLong()).isZero();
        assertThat(kinds(customer)).containsExactly("RELEASE", "EARN");
        await().atMost(Duration.ofSeconds(20)).until(() -> decisions(customer).contains("loyalty.points-earned"));
        assertThat(loyalty.reconcile(shop.id()).clean()).isTrue();
    }

    @Test
    void aRefundedOrderGivesItsPendingPointsBack() {
        track("o-2", "Order Completed", ",\"total\":20", "r-1");
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> customerId("buyer"), id -> id != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(customer).contains("EARN"));

        track("o-2", "Order Refunded", ",\"total\":20", "r-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(customer).contains("REFUND"));
        assertThat(balance(customer).get("pending").asLong()).isZero();
        assertThat(balance(customer).get("lifetimeEarned").asLong()).isZero();
    }

    private void track(String orderId, String event, String extra, String messageId) {
        String body = "{\"userId\":\"buyer\",\"event\":\"" + event + "\",\"messageId\":\"" + messageId
                + "\",\"properties\":{\"order_id\":\"" + orderId + "\"" + extra + "}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    private String customerId(String userId) {
        var answer = api.get("/v1/customers/lookup?userId=" + userId, bearer(shop.adminKey()));
        return answer.status() == 200 ? answer.json().get("customerId").asString() : null;
    }

    private JsonNode balance(String customer) {
        return api.get("/v1/loyalty/members/" + customer, bearer(shop.adminKey()))
                .json()
                .get("balance");
    }

    private List<String> kinds(String customer) {
        JsonNode data = api.get("/v1/loyalty/members/" + customer + "/history", bearer(shop.adminKey()))
                .json()
                .get("data");
        return StreamSupport.stream(data.spliterator(), false)
                .map(transaction -> transaction.get("kind").asString())
                .toList();
    }

    private String decisions(String customer) {
        return api.get("/v1/customers/" + customer + "/decisions", bearer(shop.adminKey()))
                .body();
    }
}
