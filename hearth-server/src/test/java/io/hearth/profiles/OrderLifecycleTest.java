package io.hearth.profiles;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.OrderEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Orders move placed → paid → fulfilled → delivered → return window closed, each step announced once. */
@HearthTest
class OrderLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    OrderEventsRecorder recorder;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void anOrderWalksItsLifecycleAndItsReturnWindowCloses() {
        send("o-1", "Order Completed", ",\"total\":80", "m-1");
        send("o-1", "Order Fulfilled", "", "m-2");
        send("o-1", "Order Fulfilled", "", "m-2-resent-with-another-id");
        send("o-1", "Order Delivered", "", "m-3");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> statuses(), seen -> seen.contains(OrderStatus.RETURN_WINDOW_CLOSED));

        // Events are resolved asynchronously and a later step may be seen first; each step is still
        // published exactly once, and the window closes only after delivery.
        assertThat(statuses())
                .containsExactlyInAnyOrder(
                        OrderStatus.PLACED,
                        OrderStatus.PAID,
                        OrderStatus.FULFILLED,
                        OrderStatus.DELIVERED,
                        OrderStatus.RETURN_WINDOW_CLOSED);
        assertThat(statuses().getLast()).isEqualTo(OrderStatus.RETURN_WINDOW_CLOSED);
        OrderStatusChanged placed = recorder.of(shop.id()).stream()
                .filter(change -> change.status() == OrderStatus.PLACED)
                .findFirst()
                .orElseThrow();
        assertThat(placed.total()).isEqualByComparingTo("80");
        JsonNode order = orders().get(0);
        assertThat(order.get("status").asString()).isEqualTo("RETURN_WINDOW_CLOSED");
        assertThat(order.has("deliveredAt")).isTrue();
    }

    @Test
    void trackingDetailsAreKeptAndOnlyReplacedByNewerOnes() {
        send("t-1", "Order Completed", ",\"total\":30", "t-m1");
        send(
                "t-1",
                "Order Fulfilled",
                ",\"carrier\":\"DHL\",\"tracking_number\":\"JD1\",\"tracking_url\":\"https://track.example/JD1\","
                        + "\"estimated_delivery\":\"2026-12-09T18:00:00+01:00\"",
                "t-m2");
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> orders().get(0).path("shipment").has("trackingNumber"));

        send("t-1", "Order Delivered", "", "t-m3");
        send("t-1", "Order Fulfilled", ",\"estimated_delivery\":\"2026-12-10\"", "t-m4");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "2026-12-10"
                        .equals(orders().get(0)
                                .path("shipment")
                                .path("estimatedDelivery")
                                .asString("")));

        JsonNode shipment = orders().get(0).get("shipment");
        assertThat(shipment.get("carrier").asString()).isEqualTo("DHL");
        assertThat(shipment.get("trackingNumber").asString()).isEqualTo("JD1");
        assertThat(shipment.get("trackingUrl").asString()).isEqualTo("https://track.example/JD1");
        assertThat(orders().get(0).get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aRefundedOrderNeverClosesItsReturnWindow() throws InterruptedException {
        send("o-2", "Order Completed", ",\"total\":20", "r-1");
        send("o-2", "Order Refunded", ",\"total\":20", "r-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses().contains(OrderStatus.REFUNDED));
        Thread.sleep(4_000);

        assertThat(statuses()).containsExactly(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.REFUNDED);
        assertThat(orders().get(0).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(orders().get(0).has("returnWindowClosesAt")).isFalse();
    }

    @Test
    void aBatchOfOrdersIsAnnouncedOnceWithEveryStepOfEveryOrder() {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 200; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"track\",\"userId\":\"buyer-")
                    .append(i % 50)
                    .append("\",\"event\":\"Order Completed\",\"messageId\":\"b-")
                    .append(i)
                    .append("\",\"properties\":{\"order_id\":\"b-")
                    .append(i)
                    .append("\",\"total\":10}}");
        }
        assertThat(api.post(
                                "/v1/batch",
                                basic(shop.writeKey()),
                                batch.append("]}").toString())
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses().size() == 400);

        assertThat(statuses()).containsOnly(OrderStatus.PLACED, OrderStatus.PAID);
        assertThat(recorder.of(shop.id()).stream()
                        .map(OrderStatusChanged::orderId)
                        .distinct())
                .hasSize(200);
        // One stored batch is one pass of identity resolution, and so one announcement (or a few when
        // the pass is split), not 400: every announcement is a stored publication per listener.
        assertThat(recorder.announcementsOf(shop.id())).isLessThanOrEqualTo(2);
    }

    private List<OrderStatus> statuses() {
        return recorder.of(shop.id()).stream().map(OrderStatusChanged::status).toList();
    }

    private JsonNode orders() {
        String customer = api.get("/v1/customers/lookup?userId=orderer", bearer(shop.adminKey()))
                .json()
                .get("customerId")
                .asString();
        return api.get("/v1/customers/" + customer + "/orders", bearer(shop.adminKey()))
                .json()
                .get("data");
    }

    private void send(String orderId, String event, String extra, String messageId) {
        String body = "{\"userId\":\"orderer\",\"event\":\"" + event + "\",\"messageId\":\"" + messageId
                + "\",\"properties\":{\"order_id\":\"" + orderId + "\"" + extra + "}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }
}
