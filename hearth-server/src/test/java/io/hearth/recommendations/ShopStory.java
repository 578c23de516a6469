package io.hearth.recommendations;

import static org.awaitility.Awaitility.await;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A small coffee-and-tea shop: twelve products, coffee people who buy beans, grinder and filters
 * together, tea people who buy a teapot, green tea and a mug, and Ada, who bought beans and a grinder.
 */
final class ShopStory {

    static final String PRODUCTS = """
            {"products": [
              {"productId": "beans", "name": "Espresso beans", "category": "coffee", "replenishable": true},
              {"productId": "grinder", "name": "Burr grinder", "category": "coffee-gear"},
              {"productId": "filter", "name": "Paper filters", "category": "coffee-gear", "replenishable": true},
              {"productId": "dripper", "name": "Dripper", "category": "coffee-gear"},
              {"productId": "decaf", "name": "Decaf beans", "category": "coffee", "replenishable": true},
              {"productId": "teapot", "name": "Teapot", "category": "tea"},
              {"productId": "green-tea", "name": "Green tea", "category": "tea", "replenishable": true},
              {"productId": "black-tea", "name": "Black tea", "category": "tea", "replenishable": true},
              {"productId": "mug", "name": "Mug", "category": "kitchen"},
              {"productId": "kettle", "name": "Kettle", "category": "kitchen"},
              {"productId": "biscuits", "name": "Biscuits", "category": "food"},
              {"productId": "scale", "name": "Scale", "category": "kitchen"}]}""";

    private final Api api;
    private final TestTenant shop;
    private final ProfileManagement profiles;

    ShopStory(Api api, TestTenant shop, ProfileManagement profiles) {
        this.api = api;
        this.shop = shop;
        this.profiles = profiles;
    }

    /** Stores the products and the purchase history; answers Ada once her profile exists. */
    CustomerId open() {
        api.post("/v1/products", Api.bearer(shop.adminKey()), PRODUCTS);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(order("coffee-" + i, "beans", "grinder", "filter", i % 2 == 0 ? "dripper" : "decaf"));
            events.add(order("tea-" + i, "teapot", "green-tea", "mug", i % 3 == 0 ? "black-tea" : "biscuits"));
        }
        for (int i = 0; i < 3; i++) {
            events.add(order("kitchen-" + i, "kettle", "mug", "scale"));
        }
        events.add(order("ada", "beans", "grinder"));
        send(events);
        return customer("ada");
    }

    CustomerId customer(String userId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> profiles.lookup(shop.id(), IdentifierKind.USER_ID, userId), java.util.Optional::isPresent)
                .map(CustomerProfile::customerId)
                .orElseThrow();
    }

    void send(List<String> events) {
        api.post("/v1/batch", Api.basic(shop.writeKey()), "{\"batch\": [" + String.join(",", events) + "]}");
    }

    /** The product ids of a slate's items, in order. */
    static List<String> products(JsonNode slate) {
        return StreamSupport.stream(slate.path("items").spliterator(), false)
                .map(item -> item.path("productId").asString())
                .toList();
    }

    /** The strategy of each of a slate's items, in order. */
    static List<String> strategies(JsonNode slate) {
        return StreamSupport.stream(slate.path("items").spliterator(), false)
                .map(item -> item.path("strategy").asString())
                .toList();
    }

    static String order(String userId, String... products) {
        StringBuilder lines = new StringBuilder();
        for (String product : products) {
            if (!lines.isEmpty()) {
                lines.append(',');
            }
            lines.append("{\"product_id\": \"").append(product).append("\", \"price\": 10, \"quantity\": 1}");
        }
        return """
                {"type": "track", "userId": "%s", "event": "Order Completed", "messageId": "%s",
                 "properties": {"order_id": "%s", "currency": "EUR", "products": [%s]}}""".formatted(userId, UUID.randomUUID(), UUID.randomUUID(), lines);
    }

    static String track(String userId, String event, String product, String extra) {
        return """
                {"type": "track", "userId": "%s", "event": "%s", "messageId": "%s",
                 "properties": {"product_id": "%s"%s}}""".formatted(userId, event, UUID.randomUUID(), product, extra);
    }
}
