package io.hearth.ingestion.internal.webhooks;

import static io.hearth.testing.WebhookDeliveries.fixtureJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WooCommerceMapperTest {

    private final WooCommerceMapper mapper = new WooCommerceMapper();

    @Test
    void aNewGuestOrderIsACompletedOrderKnownByEmail() {
        JsonNode message = map("order.created", "d-1", "woocommerce/order-created.json");

        assertThat(message.get("event").asString()).isEqualTo("Order Completed");
        assertThat(message.get("messageId").asString()).isEqualTo("woocommerce:d-1");
        assertThat(message.has("userId")).as("customer_id 0 is a guest").isFalse();
        assertThat(message.get("anonymousId").asString()).isEqualTo("woocommerce-guest:grace.hopper@example.org");
        assertThat(message.get("timestamp").asString())
                .as("date_created_gmt is UTC")
                .isEqualTo("2026-03-14T14:15:30Z");
        JsonNode traits = message.get("context").get("traits");
        assertThat(traits.get("email").asString()).isEqualTo("grace.hopper@example.org");
        assertThat(traits.get("phone").asString()).isEqualTo("+49 30 1234567");
        assertThat(message.get("context").has("externalIds")).isFalse();
    }

    @Test
    void anOrderCarriesItsMoneyAndProducts() {
        JsonNode properties =
                map("order.created", "d-1", "woocommerce/order-created.json").get("properties");

        assertThat(properties.get("platform").asString()).isEqualTo("woocommerce");
        assertThat(properties.get("order_id").asString()).isEqualTo("727");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("52.33");
        assertThat(properties.get("subtotal").decimalValue())
                .as("sum of line subtotals")
                .isEqualByComparingTo("45.00");
        assertThat(properties.get("tax").decimalValue()).isEqualByComparingTo("8.53");
        assertThat(properties.get("shipping").decimalValue()).isEqualByComparingTo("4.90");
        assertThat(properties.get("discount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(properties.get("currency").asString()).isEqualTo("EUR");
        JsonNode beanie = properties.get("products").get(0);
        assertThat(beanie.get("product_id").asString()).isEqualTo("93");
        assertThat(beanie.get("sku").asString()).isEqualTo("BEANIE-WOOL-BLU");
        assertThat(beanie.get("name").asString()).isEqualTo("Wool Beanie - Blue");
        assertThat(beanie.get("price").decimalValue()).isEqualByComparingTo("13.5");
        assertThat(beanie.get("quantity").asInt()).isEqualTo(2);
        assertThat(beanie.get("variant").asString())
                .as("visible attributes only")
                .isEqualTo("Blue");
        JsonNode scarf = properties.get("products").get(1);
        assertThat(scarf.get("product_id").asString()).isEqualTo("22");
        assertThat(scarf.has("sku")).isFalse();
        assertThat(scarf.has("variant")).isFalse();
    }

    @Test
    void aCompletedOrderIsFulfilledForTheRegisteredCustomer() {
        JsonNode message = map("order.updated", "d-2", "woocommerce/order-completed.json");

        assertThat(message.get("event").asString()).isEqualTo("Order Fulfilled");
        assertThat(message.get("userId").asString()).isEqualTo("26");
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-03-16T09:00:05Z");
        JsonNode externalId = message.get("context").get("externalIds").get(0);
        assertThat(externalId.get("id").asString()).isEqualTo("26");
        assertThat(externalId.get("type").asString()).isEqualTo("woocommerce_customer_id");
    }

    @Test
    void aRefundedOrderTotalsItsRefunds() {
        JsonNode message = map("order.updated", "d-3", "woocommerce/order-refunded.json");

        assertThat(message.get("event").asString()).isEqualTo("Order Refunded");
        assertThat(message.get("properties").get("total").decimalValue()).isEqualByComparingTo("52.33");
    }

    @Test
    void otherStatusesAreCancellationsOrUpdates() {
        assertThat(eventForStatus("cancelled")).isEqualTo("Order Cancelled");
        assertThat(eventForStatus("on-hold")).isEqualTo("Order Updated");
        assertThat(eventForStatus("processing")).isEqualTo("Order Updated");
    }

    @Test
    void aGuestWithoutEmailIsKnownByTheOrderKey() {
        ObjectNode order = (ObjectNode) fixtureJson("woocommerce/order-created.json");
        ((ObjectNode) order.get("billing")).put("email", "");

        JsonNode message = mapper.map("order.created", "d-4", order).orElseThrow();

        assertThat(message.get("anonymousId").asString()).isEqualTo("woocommerce-guest:order-wc_order_58d2d042d1d");
        assertThat(message.get("context").get("traits").has("email")).isFalse();
    }

    @Test
    void withoutADeliveryIdTheMessageIdComesFromTopicIdAndModification() {
        JsonNode message = map("order.created", null, "woocommerce/order-created.json");

        assertThat(message.get("messageId").asString()).isEqualTo("woocommerce:order.created:727:2026-03-14T14:15:31");
    }

    @Test
    void otherTopicsAreNotMapped() {
        assertThat(mapper.map("product.updated", "d-5", fixtureJson("woocommerce/order-created.json")))
                .isEmpty();
        assertThat(mapper.map("order.deleted", "d-6", fixtureJson("woocommerce/order-created.json")))
                .isEmpty();
    }

    private String eventForStatus(String status) {
        ObjectNode order = (ObjectNode) fixtureJson("woocommerce/order-completed.json");
        order.put("status", status);
        return mapper.map("order.updated", "d-" + status, order)
                .orElseThrow()
                .get("event")
                .asString();
    }

    private JsonNode map(String topic, String deliveryId, String fixture) {
        return mapper.map(topic, deliveryId, fixtureJson(fixture)).orElseThrow();
    }
}
