package io.hearth.ingestion;

import static io.hearth.testing.Api.bearer;
import static io.hearth.testing.WebhookDeliveries.fixture;
import static io.hearth.testing.WebhookDeliveries.fixtureText;
import static io.hearth.testing.WebhookDeliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Shopify and WooCommerce deliveries over real HTTP, signed as the platforms sign them. */
@HearthTest
class WebhooksApiTest {

    private static final String SHOPIFY_SECRET = "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";
    private static final String WOO_SECRET = "wc-secret-7d1e0f";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    Api api;
    TestTenant shop;
    UUID shopifySource;
    UUID wooSource;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
        shopifySource = tenantManagement
                .createSource(shop.id(), "shopify", SourceKind.SHOPIFY, null, SHOPIFY_SECRET)
                .id();
        wooSource = tenantManagement
                .createSource(shop.id(), "woocommerce", SourceKind.WOOCOMMERCE, null, WOO_SECRET)
                .id();
    }

    @Test
    void aShopifyOrderIsStoredAsACompletedOrderOfTheCustomer() {
        Response answer = shopify("orders/create", "wh-order-1", fixture("shopify/orders-create.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode event = onlyEvent("Order Completed");
        assertThat(event.get("userId").asString()).isEqualTo("7340032491825");
        assertThat(event.get("messageId").asString()).isEqualTo("shopify:wh-order-1");
        assertThat(event.get("timestamp").asString()).isEqualTo("2026-03-14T14:15:28Z");
        assertThat(event.get("context").get("traits").get("email").asString()).isEqualTo("ada.lovelace@example.com");
        assertThat(event.get("context").get("externalIds").get(0).get("type").asString())
                .isEqualTo("shopify_customer_id");
        JsonNode properties = event.get("properties");
        assertThat(properties.get("order_id").asString()).isEqualTo("5820449767729");
        assertThat(properties.get("total").isNumber()).isTrue();
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("246.24");
        assertThat(properties.get("shipping").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(properties.get("currency").asString()).isEqualTo("USD");
        assertThat(properties.get("products")).hasSize(2);
        assertThat(properties.get("products").get(0).get("price").decimalValue())
                .isEqualByComparingTo("90.00");
        assertThat(properties.get("products").get(0).get("sku").asString()).isEqualTo("THROW-LIN-SAGE");
    }

    @Test
    void aShopifyFulfilmentIsStoredAsAFulfilledOrder() {
        shopify("orders/fulfilled", "wh-fulfil-1", fixture("shopify/orders-fulfilled.json"));

        JsonNode event = onlyEvent("Order Fulfilled");
        assertThat(event.get("userId").asString()).isEqualTo("7340032491825");
        assertThat(event.get("properties").get("order_id").asString()).isEqualTo("5820449767729");
        assertThat(event.get("properties").get("total").decimalValue()).isEqualByComparingTo("246.24");
    }

    @Test
    void aShopifyRefundIsStoredWithTheRefundedAmount() {
        shopify("refunds/create", "wh-refund-1", fixture("shopify/refunds-create.json"));

        JsonNode event = onlyEvent("Order Refunded");
        assertThat(event.get("anonymousId").asString()).isEqualTo("shopify-guest:order-5820449767729");
        JsonNode properties = event.get("properties");
        assertThat(properties.get("order_id").asString()).isEqualTo("5820449767729");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("92.34");
        assertThat(properties.get("currency").asString()).isEqualTo("USD");
        assertThat(properties.get("products").get(0).get("quantity").asInt()).isEqualTo(1);
    }

    @Test
    void shopifyCheckoutsAreStoredForAbandonedCartJourneys() {
        shopify("checkouts/create", "wh-checkout-1", fixture("shopify/checkouts-create.json"));
        shopify("checkouts/update", "wh-checkout-2", fixture("shopify/checkouts-create.json"));

        for (String name : new String[] {"Checkout Started", "Checkout Updated"}) {
            JsonNode event = onlyEvent(name);
            assertThat(event.get("anonymousId").asString()).isEqualTo("shopify-guest:guest.shopper@example.com");
            JsonNode properties = event.get("properties");
            assertThat(properties.get("checkout_id").asString()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
            assertThat(properties.get("abandoned_checkout_url").asString()).contains("/recover");
            assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("206.40");
            assertThat(properties.get("products").get(0).get("product_id").asString())
                    .isEqualTo("8123456700417");
        }
    }

    @Test
    void aShopifyRetryWithTheSameWebhookIdIsStoredOnce() {
        shopify("orders/create", "wh-retried", fixture("shopify/orders-create.json"));
        Response retry = shopify("orders/create", "wh-retried", fixture("shopify/orders-create.json"));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(events()).hasSize(1);
    }

    @Test
    void aWrongShopifySignatureIsRefusedAndNothingStored() {
        byte[] body = fixture("shopify/orders-create.json");
        Response answer = api.postBytes(
                shopifyUrl(shopifySource),
                "",
                body,
                "X-Shopify-Topic",
                "orders/create",
                "X-Shopify-Webhook-Id",
                "wh-forged",
                "X-Shopify-Hmac-Sha256",
                sign(body, "not-the-secret"));

        assertProblem(answer, 401, "ingestion.bad-signature");
        assertThat(events()).isEmpty();
    }

    @Test
    void aMissingShopifySignatureIsRefusedAndNothingStored() {
        Response answer = api.postBytes(
                shopifyUrl(shopifySource),
                "",
                fixture("shopify/orders-create.json"),
                "X-Shopify-Topic",
                "orders/create",
                "X-Shopify-Webhook-Id",
                "wh-unsigned");

        assertProblem(answer, 401, "ingestion.bad-signature");
        assertThat(events()).isEmpty();
    }

    @Test
    void anUnknownSourceIsNotFoundAndNothingStored() {
        byte[] body = fixture("shopify/orders-create.json");

        assertProblem(deliver(shopifyUrl(UUID.randomUUID()), body), 404, "ingestion.unknown-source");
        assertProblem(deliver("/v1/webhooks/shopify/not-a-uuid", body), 404, "ingestion.unknown-source");
        assertProblem(deliver("/v1/webhooks/woocommerce/" + shopifySource, body), 404, "ingestion.unknown-source");
        assertThat(events()).isEmpty();
    }

    @Test
    void anUnsupportedTopicIsAcknowledgedAndIgnored() {
        Response answer = shopify("customers/create", "wh-customer", fixture("shopify/orders-create.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).isTrue();
        assertThat(answer.json().get("ignored").asBoolean()).isTrue();
        assertThat(events()).isEmpty();
    }

    @Test
    void aBodyOverTwoMegabytesIsRefusedAndNothingStored() {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        assertProblem(shopify("orders/create", "wh-huge", body), 413, "ingestion.webhook-too-large");
        assertThat(events()).isEmpty();
    }

    @Test
    void aWooCommerceGuestOrderIsStoredAsACompletedOrder() {
        Response answer = woo("order.created", "delivery-1", fixture("woocommerce/order-created.json"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode event = onlyEvent("Order Completed");
        assertThat(event.get("anonymousId").asString()).isEqualTo("woocommerce-guest:grace.hopper@example.org");
        assertThat(event.get("messageId").asString()).isEqualTo("woocommerce:delivery-1");
        assertThat(event.get("timestamp").asString()).isEqualTo("2026-03-14T14:15:30Z");
        JsonNode properties = event.get("properties");
        assertThat(properties.get("order_id").asString()).isEqualTo("727");
        assertThat(properties.get("total").decimalValue()).isEqualByComparingTo("52.33");
        assertThat(properties.get("subtotal").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(properties.get("currency").asString()).isEqualTo("EUR");
        assertThat(properties.get("products")).hasSize(2);
        assertThat(properties.get("products").get(0).get("variant").asString()).isEqualTo("Blue");
    }

    @Test
    void wooCommerceUpdatesBecomeFulfilmentsRefundsAndCancellations() {
        woo("order.updated", "delivery-2", fixture("woocommerce/order-completed.json"));
        woo("order.updated", "delivery-3", fixture("woocommerce/order-refunded.json"));
        String cancelled = fixtureText("woocommerce/order-completed.json")
                .replace("\"status\": \"completed\"", "\"status\": \"cancelled\"");
        woo("order.updated", "delivery-4", cancelled.getBytes(StandardCharsets.UTF_8));

        JsonNode fulfilled = onlyEvent("Order Fulfilled");
        assertThat(fulfilled.get("userId").asString()).isEqualTo("26");
        assertThat(fulfilled
                        .get("context")
                        .get("externalIds")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("woocommerce_customer_id");
        assertThat(onlyEvent("Order Refunded").get("properties").get("total").decimalValue())
                .isEqualByComparingTo("52.33");
        assertThat(onlyEvent("Order Cancelled")
                        .get("properties")
                        .get("order_id")
                        .asString())
                .isEqualTo("727");
    }

    @Test
    void aWooCommerceRedeliveryIsStoredOnce() {
        woo("order.created", "delivery-again", fixture("woocommerce/order-created.json"));
        Response again = woo("order.created", "delivery-again", fixture("woocommerce/order-created.json"));

        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(events()).hasSize(1);
    }

    @Test
    void aWrongOrMissingWooCommerceSignatureIsRefused() {
        byte[] body = fixture("woocommerce/order-created.json");
        Response wrong = api.postBytes(
                wooUrl(wooSource),
                "",
                body,
                "X-WC-Webhook-Topic",
                "order.created",
                "X-WC-Webhook-Signature",
                sign(body, SHOPIFY_SECRET));
        Response missing = api.postBytes(wooUrl(wooSource), "", body, "X-WC-Webhook-Topic", "order.created");

        assertProblem(wrong, 401, "ingestion.bad-signature");
        assertProblem(missing, 401, "ingestion.bad-signature");
        assertThat(events()).isEmpty();
    }

    @Test
    void theWooCommercePingIsAcknowledgedAndNothingStored() {
        Response answer = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + wooUrl(wooSource)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=12")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).isTrue();
        assertThat(events()).isEmpty();
    }

    @Test
    void aSourceCreatedThroughTheApiReceivesAtItsWebhookUrl() {
        Response created = api.post("/v1/sources", bearer(shop.adminKey()), """
                {"name":"My Shopify store","kind":"shopify","webhookSecret":"from-the-shopify-admin"}""");
        String url = created.json().get("webhookUrl").asString();
        byte[] body = fixture("shopify/orders-create.json");

        Response answer = api.postBytes(
                url,
                "",
                body,
                "X-Shopify-Topic",
                "orders/create",
                "X-Shopify-Webhook-Id",
                "wh-api",
                "X-Shopify-Hmac-Sha256",
                sign(body, "from-the-shopify-admin"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(events()).hasSize(1);
    }

    private Response shopify(String topic, String webhookId, byte[] body) {
        return api.postBytes(
                shopifyUrl(shopifySource),
                "",
                body,
                "X-Shopify-Topic",
                topic,
                "X-Shopify-Webhook-Id",
                webhookId,
                "X-Shopify-Shop-Domain",
                "hearth-demo.myshopify.com",
                "X-Shopify-Hmac-Sha256",
                sign(body, SHOPIFY_SECRET));
    }

    private Response woo(String topic, String deliveryId, byte[] body) {
        return api.postBytes(
                wooUrl(wooSource),
                "",
                body,
                "X-WC-Webhook-Source",
                "https://shop.example.org/",
                "X-WC-Webhook-Topic",
                topic,
                "X-WC-Webhook-Delivery-ID",
                deliveryId,
                "X-WC-Webhook-Signature",
                sign(body, WOO_SECRET));
    }

    private Response deliver(String url, byte[] body) {
        return api.postBytes(
                url, "", body, "X-Shopify-Topic", "orders/create", "X-Shopify-Hmac-Sha256", sign(body, SHOPIFY_SECRET));
    }

    private JsonNode events() {
        return api.get("/v1/events", bearer(shop.adminKey())).json().get("data");
    }

    private JsonNode onlyEvent(String name) {
        String query = "/v1/events?event=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        JsonNode events = api.get(query, bearer(shop.adminKey())).json().get("data");
        assertThat(events).as(name).hasSize(1);
        return events.get(0);
    }

    private static void assertProblem(Response answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }

    private static String shopifyUrl(UUID source) {
        return "/v1/webhooks/shopify/" + source;
    }

    private static String wooUrl(UUID source) {
        return "/v1/webhooks/woocommerce/" + source;
    }
}
