package io.hearth.support;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The return policy's conditions: stated when a return starts, and checked when the policy is saved. */
@HearthTest
class SupportReturnConditionsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void aStartedReturnStatesTheShopsConditionsAndABlankConditionIsRefused() {
        SupportShop shop = new SupportShop(new Api(port), tenants.create());
        Api.Response saved = shop.api.put(
                "/v1/support/admin/policy",
                bearer(shop.shop.adminKey()),
                "{\"returnWindowDays\":30,\"maxFailures\":2,\"negativeSentiment\":-0.5,\"returnConditions\":[\"unworn, with the tags on\",\"in the original box\"]}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("returnConditions")).hasSize(2);
        shop.annaWithOrders();
        String conversation = shop.start("anna");

        String answer = shop.say(conversation, "I want to return order 10002")
                .get("answer")
                .get("text")
                .asString();

        assertThat(answer)
                .contains("started a return for order 10002")
                .endsWith("Returned items must be: unworn, with the tags on; in the original box.");

        Api.Response bad = shop.api.put(
                "/v1/support/admin/policy",
                bearer(shop.shop.adminKey()),
                "{\"returnWindowDays\":30,\"maxFailures\":2,\"negativeSentiment\":-0.5,"
                        + "\"returnConditions\":[\"ok\",\" \"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("support.invalid-policy", "/returnConditions/1");
    }
}
