package io.hearth.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@HearthTest
class CatalogTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    CatalogManagement catalog;

    Api api;
    TestTenant shop;

    @BeforeEach
    void shop() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void aProductPutThroughTheApiReadsBackAndAPartialUpdateKeepsTheRest() {
        Api.Response created = api.put("/v1/products/espresso-250", admin(), """
                {"name": "Espresso beans 250 g", "category": "coffee", "brand": "Roast & Co", "price": 8.90,
                 "currency": "EUR", "replenishable": true, "attributes": {"roast": "dark"}}""");
        assertThat(created.status()).isEqualTo(200);

        Api.Response updated = api.put("/v1/products/espresso-250", admin(), "{\"inStock\": false}");
        JsonNode product = api.get("/v1/products/espresso-250", admin()).json();

        assertThat(updated.status()).isEqualTo(200);
        assertThat(product.path("name").asString()).isEqualTo("Espresso beans 250 g");
        assertThat(product.path("price").decimalValue()).isEqualByComparingTo("8.90");
        assertThat(product.path("inStock").asBoolean()).isFalse();
        assertThat(product.path("replenishable").asBoolean()).isTrue();
        assertThat(product.path("attributes").path("roast").asString()).isEqualTo("dark");
    }

    @Test
    void badFieldsAreNamedAndAnUnknownProductIs404() {
        Api.Response bad = api.put("/v1/products/x", admin(), "{\"price\": -1, \"currency\": \"EURO\"}");
        Api.Response unknown = api.get("/v1/products/nothing-here", admin());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asString()).isEqualTo("catalog.invalid-product");
        assertThat(bad.body()).contains("/price").contains("/currency");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("catalog.unknown-product");
    }

    @Test
    void aBatchKeepsTheValidProductsReportsTheOthersAndResendingChangesNothing() {
        String batch = """
                {"products": [{"productId": "a", "name": "A"}, {"productId": "b", "price": "cheap"},
                              {"productId": "c", "category": "tea"}]}""";
        Api.Response malformed = api.post("/v1/products", admin(), batch);
        String valid = """
                {"products": [{"productId": "a", "name": "A"}, {"productId": "b", "price": -3},
                              {"productId": "c", "category": "tea"}]}""";
        JsonNode first = api.post("/v1/products", admin(), valid).json();
        JsonNode again = api.post("/v1/products", admin(), valid).json();

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(first.path("changed").asInt()).isEqualTo(2);
        assertThat(first.path("rejected").get(0).path("pointer").asString()).isEqualTo("/products/1/price");
        assertThat(again.path("changed").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(catalog.count(shop.id())).isEqualTo(2);
        JsonNode page = api.get("/v1/products?limit=1", admin()).json().path("data");
        JsonNode next = api.get("/v1/products?limit=1&after=a", admin()).json().path("data");
        assertThat(page.get(0).path("productId").asString()).isEqualTo("a");
        assertThat(next.get(0).path("productId").asString()).isEqualTo("c");
        assertThat(api.get("/v1/products?limit=0", admin()).body()).contains("\"pointer\":\"limit\"");
    }

    @Test
    void productsAreLearnedFromEventsWithoutTouchingStockSetThroughTheApi() {
        api.put("/v1/products/mug", admin(), "{\"inStock\": false}");
        api.post("/v1/track", Api.basic(shop.writeKey()), """
                {"userId": "u1", "event": "Product Viewed",
                 "properties": {"product_id": "mug", "name": "Blue mug", "category": "kitchen", "price": 12.5,
                                "currency": "EUR"}}""");
        api.post("/v1/track", Api.basic(shop.writeKey()), """
                {"userId": "u1", "event": "Order Completed",
                 "properties": {"order_id": "o1", "currency": "EUR",
                                "products": [{"product_id": "kettle", "name": "Kettle", "price": 30}]}}""");

        await().atMost(Duration.ofSeconds(10)).until(() -> catalog.count(shop.id()) == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> catalog.product(shop.id(), "mug")
                                .map(Product::name)
                                .orElse(""),
                        "Blue mug"::equals);
        Product mug = catalog.product(shop.id(), "mug").orElseThrow();
        Product kettle = catalog.product(shop.id(), "kettle").orElseThrow();

        assertThat(mug.category()).isEqualTo("kitchen");
        assertThat(mug.inStock()).isFalse();
        assertThat(kettle.price()).isEqualByComparingTo(new BigDecimal("30"));
        assertThat(kettle.currency()).isEqualTo("EUR");
        assertThat(kettle.inStock()).isTrue();
    }

    @Test
    void readingTakesTheReadScopeAndWritingTheAdminScope() {
        assertThat(api.get("/v1/products", "").status()).isEqualTo(401);
        assertThat(api.put("/v1/products/a", Api.basic(shop.writeKey()), "{}").status())
                .isIn(401, 403);
    }

    private String admin() {
        return Api.bearer(shop.adminKey());
    }
}
