package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A test shop with a customer and orders in every state, and helpers to talk to support over HTTP. */
final class SupportShop {

    final Api api;
    final TestTenant shop;

    SupportShop(Api api, TestTenant shop) {
        this.api = api;
        this.shop = shop;
    }

    /** Anna: 10001 paid (not shipped), 10002 delivered, 10003 refunded; answers her customer id. */
    String annaWithOrders() {
        track("anna", "10001", "Order Completed", ",\"total\":40");
        track("anna", "10002", "Order Completed", ",\"total\":60");
        track("anna", "10002", "Order Fulfilled", "");
        track("anna", "10002", "Order Delivered", "");
        track("anna", "10003", "Order Completed", ",\"total\":25");
        track("anna", "10003", "Order Refunded", ",\"total\":25");
        await().atMost(Duration.ofSeconds(20)).until(() -> orders("anna") == 3);
        return customerId("anna");
    }

    void track(String user, String order, String event, String extra) {
        String body = "{\"userId\":\"" + user + "\",\"event\":\"" + event + "\",\"messageId\":\"" + user + order + event
                + "\",\"properties\":{\"order_id\":\"" + order + "\"" + extra + "}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    String customerId(String user) {
        return api.get("/v1/customers/lookup?userId=" + user, bearer(shop.adminKey()))
                .json()
                .get("customerId")
                .asString();
    }

    String start(String user) {
        Api.Response started = api.post(
                "/v1/support/conversations",
                bearer(shop.adminKey()),
                "{\"channel\":\"chat\"" + (user == null ? "" : ",\"userId\":\"" + user + "\"") + "}");
        assertThat(started.status()).isEqualTo(201);
        return started.json().get("conversationId").asString();
    }

    JsonNode say(String conversation, String text) {
        Api.Response reply = api.post(
                "/v1/support/conversations/" + conversation + "/messages",
                bearer(shop.adminKey()),
                "{\"text\":\"" + text + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    Api.Response post(String path, String body) {
        return api.post(path, bearer(shop.adminKey()), body);
    }

    Api.Response get(String path) {
        return api.get(path, bearer(shop.adminKey()));
    }

    private int orders(String user) {
        Api.Response lookup = api.get("/v1/customers/lookup?userId=" + user, bearer(shop.adminKey()));
        if (lookup.status() != 200) {
            return 0;
        }
        return api.get(
                        "/v1/customers/" + lookup.json().get("customerId").asString() + "/orders",
                        bearer(shop.adminKey()))
                .json()
                .get("data")
                .size();
    }
}
