package io.hearth.journeys;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.Reward;
import io.hearth.privacy.Channel;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The associate's view of a customer over HTTP: the same orders, offer, journeys and messages as the digital side. */
@HearthTest
class JourneyClientelingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MailInbox inbox;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    LoyaltyManagement loyalty;

    @Test
    void theAssociateSeesOrdersTheOfferTheJourneyAndTheMessagesOfTheCustomerInFrontOfThem() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.put("/v1/templates/thanks", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Thanks", "text": "Thank you"}}}""");
        journeys.publish(shop.id(), "post-purchase", """
                trigger: {type: order, status: placed}
                steps:
                  - {id: thanks, type: send, template: thanks}
                  - {id: pause, type: wait, duration: P3D}
                """);
        String email = "nia-" + shop.id().value() + "@example.com";
        CustomerId nia = customers.identify(
                api,
                shop,
                "nia",
                "\"email\":\"" + email + "\",\"firstName\":\"Nia\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
        customers.optIn(shop, nia, Channel.EMAIL);
        loyalty.saveReward(shop.id(), new Reward("mug", "Hearth mug", "product", 300, true, null));
        loyalty.saveReward(shop.id(), new Reward("beans", "Bag of beans", "product", 900, true, null));
        loyalty.adjust(shop.id(), nia, 500, "welcome", "test", new Idempotency("nia-welcome", "500"));
        customers.placeOrder(api, shop, "nia", "N-1", "42");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "post-purchase").total("waiting") == 1);

        Response answer = api.get("/v1/clienteling/customers/" + nia.value(), bearer(shop.adminKey()));
        Response stranger = api.get("/v1/clienteling/customers/no-such-customer", bearer(shop.adminKey()));
        Response otherShop = api.get(
                "/v1/clienteling/customers/" + nia.value(),
                bearer(tenants.create().adminKey()));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode view = answer.json();
        assertThat(view.get("customer").get("name").asString()).isEqualTo("Nia");
        assertThat(view.get("customer").get("points").asLong()).isEqualTo(500);
        assertThat(view.get("recentOrders").get(0).get("orderId").asString()).isEqualTo("N-1");
        // The completed order is placed and, as its event says it was paid, paid.
        String status = view.get("recentOrders").get(0).get("status").asString();
        assertThat(status).isIn("placed", "paid");
        assertThat(view.get("currentOffer").get("label").asString()).isEqualTo("Hearth mug for 300 points");
        assertThat(view.get("currentOffer").get("source").asString()).isEqualTo("loyalty");
        assertThat(view.get("journeys").get(0).get("journey").asString()).isEqualTo("post-purchase");
        assertThat(view.get("journeys").get(0).get("step").asString()).isEqualTo("pause");
        assertThat(view.get("recentMessages").get(0).get("template").asString()).isEqualTo("thanks");
        assertThat(view.get("recentMessages").get(0).get("journey").asString()).isEqualTo("post-purchase");
        assertThat(view.get("openIssues").isEmpty()).isTrue();
        assertThat(view.get("recommendations").isArray()).isTrue();
        assertThat(view.get("talkingPoints").valueStream().map(JsonNode::asString))
                .contains("Order N-1 is " + status + " and not delivered yet")
                .anyMatch(point -> point.startsWith("Offer: Hearth mug for 300 points (from loyalty)"));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("detail").asString()).doesNotContain("no-such-customer");
        assertThat(otherShop.status()).isEqualTo(404);
    }
}
