package io.hearth.ingestion.internal.webhooks;

import static io.hearth.testing.WebhookDeliveries.fixtureJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ShopifyMapperTest {

    private final ShopifyMapper mapper = new ShopifyMapper();

    @Test
    void aNewOrderIsACompletedOrderOfTheCustomer() {
        JsonNode message = map("orders/create", "wh-1", "shopify/orders-create.json");

        assertThat(message.get("type").asString()).isEqualTo("track");
        assertThat(message.get("event").asString()).isEqualTo("Order Completed");
        assertThat(message.get("messageId").asString()).isEqualTo("shopify:wh-1");
        assertThat(message.get("userId").asString()).isEqualTo("7340032491825");
        assertThat(message.has("anonymousId")).isFalse();
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-03-14T14:15:28Z");
        JsonNode context = message.get("context");
        assertThat(context.get("traits").get("email").asString()).isEqualTo("ada.lovelace@example.com");
        assertThat(context.get("traits").get("phone").asString()).isEqualTo("+15550104242");
        assertThat(context.get("externalIds").get(0).get("id").asString()).isEqualTo("7340032491825");
        assertThat(context.get("externalIds").get(0).get("type").asString()).isEqualTo("shopify_customer_id");
    }

    @Test
    void anOrderCarriesItsMoneyAndProducts() {
        JsonNode properties =
                map("orders/create", "wh-1", "shopify/orders-create.json").get("properties");

        assertThat(properties.get("platform").asString()).isEqualTo("shopify");
        assertThat(properties.get("order_id").asString()).isEqualTo("5820449767729");
        assertThat(properties.get("checkout_id").asString()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("246.24");
        assertThat(properties.get("subtotal").decimalValue()).isEqualByComparingTo("228.00");
        assertThat(properties.get("tax").decimalValue()).isEqualByComparingTo("18.24");
        assertThat(properties.get("shipping").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(properties.get("discount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(properties.get("currency").asString()).isEqualTo("USD");
        JsonNode products = properties.get("products");
        assertThat(products).as("the gift wrapping has no product").hasSize(2);
        JsonNode throw_ = products.get(0);
        assertThat(throw_.get("product_id").asString()).isEqualTo("8123456700417");
        assertThat(throw_.get("sku").asString()).isEqualTo("THROW-LIN-SAGE");
        assertThat(throw_.get("name").asString()).isEqualTo("Linen Throw");
        assertThat(throw_.get("price").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(throw_.get("quantity").asInt()).isEqualTo(2);
        assertThat(throw_.get("variant").asString()).isEqualTo("Sage");
        assertThat(products.get(1).has("sku")).as("a blank SKU is left out").isFalse();
        assertThat(products.get(1).has("variant")).isFalse();
    }

    @Test
    void aFulfilledOrderIsTimedByItsUpdate() {
        JsonNode message = map("orders/fulfilled", "wh-2", "shopify/orders-fulfilled.json");

        assertThat(message.get("event").asString()).isEqualTo("Order Fulfilled");
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-03-16T19:02:11Z");
        assertThat(message.get("properties").get("order_id").asString()).isEqualTo("5820449767729");
        assertThat(message.get("properties").get("carrier").asString()).isEqualTo("UPS");
        assertThat(message.get("properties").get("tracking_number").asString()).isEqualTo("1Z999AA10123456784");
        assertThat(message.get("properties").get("tracking_url").asString()).startsWith("https://www.ups.com/");
    }

    @Test
    void aRefundTotalsItsRefundTransactions() {
        JsonNode message = map("refunds/create", "wh-3", "shopify/refunds-create.json");
        JsonNode properties = message.get("properties");

        assertThat(message.get("event").asString()).isEqualTo("Order Refunded");
        assertThat(message.get("anonymousId").asString()).isEqualTo("shopify-guest:order-5820449767729");
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-03-20T13:41:05Z");
        assertThat(properties.get("order_id").asString()).isEqualTo("5820449767729");
        assertThat(properties.get("refund_id").asString()).isEqualTo("930716139569");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("92.34");
        assertThat(properties.get("tax").decimalValue()).isEqualByComparingTo("6.84");
        assertThat(properties.get("currency").asString()).isEqualTo("USD");
        JsonNode product = properties.get("products").get(0);
        assertThat(product.get("product_id").asString()).isEqualTo("8123456700417");
        assertThat(product.get("quantity").asInt()).as("the refunded quantity").isEqualTo(1);
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("90.00");
    }

    @Test
    void aRefundWithoutTransactionsTotalsItsLines() {
        ObjectNode refund = (ObjectNode) fixtureJson("shopify/refunds-create.json");
        refund.putArray("transactions");

        JsonNode properties =
                mapper.map("refunds/create", "wh-4", refund).orElseThrow().get("properties");

        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("85.50");
        assertThat(properties.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void aGuestCheckoutKeepsItsTokenAndRecoveryUrl() {
        JsonNode message = map("checkouts/create", "wh-5", "shopify/checkouts-create.json");
        JsonNode properties = message.get("properties");

        assertThat(message.get("event").asString()).isEqualTo("Checkout Started");
        assertThat(message.has("userId")).isFalse();
        assertThat(message.get("anonymousId").asString()).isEqualTo("shopify-guest:guest.shopper@example.com");
        assertThat(message.get("context").get("traits").get("phone").asString()).isEqualTo("+1 555 010 7777");
        assertThat(message.get("context").has("externalIds")).isFalse();
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-03-14T13:58:02Z");
        assertThat(properties.get("checkout_id").asString()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
        assertThat(properties.get("abandoned_checkout_url").asString()).contains("/recover?key=");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("206.40");
        assertThat(properties.get("shipping").decimalValue())
                .as("from the shipping lines")
                .isEqualByComparingTo("12.00");
        assertThat(properties.has("order_id")).isFalse();
    }

    @Test
    void anUpdatedCheckoutIsTimedByItsUpdate() {
        JsonNode message = map("checkouts/update", "wh-6", "shopify/checkouts-create.json");

        assertThat(message.get("event").asString()).isEqualTo("Checkout Updated");
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-03-14T14:03:47Z");
    }

    @Test
    void aCheckoutWithoutEmailIsKnownByItsToken() {
        ObjectNode checkout = (ObjectNode) fixtureJson("shopify/checkouts-create.json");
        checkout.putNull("email");

        JsonNode message = mapper.map("checkouts/create", "wh-7", checkout).orElseThrow();

        assertThat(message.get("anonymousId").asString()).isEqualTo("shopify-guest:b1946ac92492d2347c6235b4d2611184");
    }

    @Test
    void withoutAWebhookIdTheMessageIdComesFromTopicIdAndUpdate() {
        JsonNode message = map("orders/create", null, "shopify/orders-create.json");

        assertThat(message.get("messageId").asString())
                .isEqualTo("shopify:orders/create:5820449767729:2026-03-14T10:15:31-04:00");
    }

    @Test
    void otherTopicsAreNotMapped() {
        assertThat(mapper.map("customers/create", "wh-8", fixtureJson("shopify/orders-create.json")))
                .isEmpty();
        assertThat(mapper.map("", "wh-9", fixtureJson("shopify/orders-create.json")))
                .isEmpty();
    }

    private JsonNode map(String topic, String webhookId, String fixture) {
        return mapper.map(topic, webhookId, fixtureJson(fixture)).orElseThrow();
    }
}
