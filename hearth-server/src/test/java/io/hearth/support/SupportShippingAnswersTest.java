package io.hearth.support;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Order status with the carrier's tracking, the delivery period and the payment methods, answered
 * from the shop's orders and policy; without a policy the knowledge base answers the general questions.
 */
@HearthTest
class SupportShippingAnswersTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        shop.track("anna", "20001", "Order Completed", ",\"total\":40");
        shop.track(
                "anna",
                "20001",
                "Order Fulfilled",
                ",\"carrier\":\"DHL\",\"tracking_number\":\"JD0142\",\"tracking_url\":\"https://track.example/JD0142\","
                        + "\"estimated_delivery\":\"2026-12-09\"");
        shop.track("anna", "20002", "Order Completed", ",\"total\":25");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> shipped("20001"));
    }

    @Test
    void theOrderStatusNamesCarrierTrackingAndTheExpectedDay() {
        String conversation = shop.start("anna");

        JsonNode answer = shop.say(conversation, "where is my order 20001");

        assertThat(answer.path("automation").asString("")).as(answer.toString()).isEqualTo("order_status");
        assertThat(text(answer))
                .contains("is on its way", "with DHL", "tracking number JD0142", "https://track.example/JD0142")
                .contains("expected on 2026-12-09");
    }

    @Test
    void theDeliveryPeriodOfAParcelOnItsWayIsTheCarriersEstimateAndOtherwiseTheShopsTimes() {
        String conversation = shop.start("anna");
        JsonNode onItsWay = shop.say(conversation, "how long does delivery take");
        assertThat(onItsWay.path("automation").asString(""))
                .as(onItsWay.toString())
                .isEqualTo("delivery_period");
        assertThat(text(onItsWay)).contains("deliver it on 2026-12-09", "JD0142");

        savePolicy(",\"deliveryTimes\":\"2-3 working days in Germany\",\"paymentMethods\":[\"Visa\",\"PayPal\"]");
        JsonNode notShipped = shop.say(conversation, "how long does delivery take for order 20002");
        assertThat(notShipped.path("automation").asString(""))
                .as(notShipped.toString())
                .isEqualTo("delivery_period");
        assertThat(text(notShipped)).contains("20002", "is being prepared", "2-3 working days in Germany");

        String stranger = shop.start(null);
        assertThat(text(shop.say(stranger, "how long does delivery take"))).contains("2-3 working days in Germany");
        JsonNode payment = shop.say(stranger, "what payment methods do you accept");
        assertThat(payment.path("automation").asString(""))
                .as(payment.toString())
                .isEqualTo("payment_methods");
        assertThat(text(payment)).isEqualTo("You can pay with Visa, PayPal.");
    }

    @Test
    void aParcelShippedWithoutTheCarriersEstimateGetsTheShopsUsualTimes() {
        savePolicy(",\"deliveryTimes\":\"2-3 working days in Germany\"");
        shop.track("anna", "20003", "Order Completed", ",\"total\":15");
        shop.track("anna", "20003", "Order Fulfilled", ",\"carrier\":\"UPS\",\"tracking_number\":\"1Z999\"");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> shipped("20003"));
        String conversation = shop.start("anna");

        JsonNode answer = shop.say(conversation, "how long does delivery take for order 20003");

        assertThat(answer.path("automation").asString("")).as(answer.toString()).isEqualTo("delivery_period");
        assertThat(text(answer))
                .contains("Order 20003 shipped on", "Delivery usually takes 2-3 working days in Germany", "1Z999")
                .doesNotContain("deliver it on");
    }

    @Test
    void aPolicyWithoutDeliveryTimesLeavesTheGeneralQuestionToTheKnowledgeBaseAndBadFieldsAreNamed() {
        String stranger = shop.start(null);
        JsonNode payment = shop.say(stranger, "what payment methods do you accept");
        assertThat(payment.path("automation").asString(""))
                .as(payment.toString())
                .isNotEqualTo("payment_methods");

        Api.Response bad = shop.api.put(
                "/v1/support/admin/policy",
                bearer(shop.shop.adminKey()),
                "{\"returnWindowDays\":30,\"maxFailures\":2,\"negativeSentiment\":-0.5,"
                        + "\"deliveryTimes\":\" \",\"paymentMethods\":[\"Visa\",\"\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("/deliveryTimes", "/paymentMethods/1");
    }

    private void savePolicy(String extra) {
        Api.Response saved = shop.api.put(
                "/v1/support/admin/policy",
                bearer(shop.shop.adminKey()),
                "{\"returnWindowDays\":30,\"maxFailures\":2,\"negativeSentiment\":-0.5" + extra + "}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private boolean shipped(String order) {
        String customer = shop.customerId("anna");
        for (JsonNode o : shop.api
                .get("/v1/customers/" + customer + "/orders", bearer(shop.shop.adminKey()))
                .json()
                .get("data")) {
            if (o.get("orderId").asString().equals(order) && o.path("shipment").has("trackingNumber")) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode answer) {
        return answer.get("answer").get("text").asString();
    }
}
