package io.hearth.journeys;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
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

/**
 * A seeded scenario where the journey's message works: customers who got it order more often than
 * those held out, and the stats measure the difference with an interval that excludes zero.
 */
@HearthTest
class JourneyConversionTest {

    static final int CUSTOMERS = 60;

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

    @Test
    void treatedRunsConvertMoreThanTheHoldoutAndTheIntervalSaysSo() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.put("/v1/templates/offer", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Something for you", "text": "Come back"}}}""");
        journeys.publish(shop.id(), "browse-offer", """
                trigger: {type: event, event: Visited Offer Page}
                steps:
                  - id: test
                    type: split
                    holdout: 50
                    variants: [{id: mail, weight: 100, next: offer}]
                  - {id: offer, type: send, template: offer}
                """);
        for (int i = 0; i < CUSTOMERS; i++) {
            String user = "viewer-" + i;
            // Noon in their zone, so quiet hours do not delay the message whenever the test runs.
            CustomerId id = customers.identify(
                    api,
                    shop,
                    user,
                    "\"email\":\"" + email(shop, user) + "\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
            customers.optIn(shop, id, Channel.EMAIL);
            api.post(
                    "/v1/track",
                    basic(shop.writeKey()),
                    "{\"userId\":\"" + user + "\",\"event\":\"Visited Offer Page\",\"messageId\":\"" + user
                            + "-view\"}");
        }
        await().atMost(Duration.ofSeconds(120))
                .alias("every run sent its message or was held out")
                .until(
                        () -> journeys.stats(shop.id(), "browse-offer"),
                        stats -> stats.total("sent") + stats.total("holdout") == CUSTOMERS);

        // The message works: 7 in 10 who got it order, 1 in 10 who were held out (the first of every ten,
        // so the control group converts at least once whichever customers the split held out).
        int treatedSeen = 0;
        int controlSeen = 0;
        int treatedOrders = 0;
        int controlOrders = 0;
        int treated = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            String user = "viewer-" + i;
            boolean gotTheMessage = !inbox.to(email(shop, user)).isEmpty();
            treated += gotTheMessage ? 1 : 0;
            boolean placesAnOrder = gotTheMessage ? treatedSeen++ % 10 < 7 : controlSeen++ % 10 < 1;
            if (placesAnOrder) {
                customers.placeOrder(api, shop, user, "O-" + i, "30");
                treatedOrders += gotTheMessage ? 1 : 0;
                controlOrders += gotTheMessage ? 0 : 1;
            }
        }
        int orders = treatedOrders + controlOrders;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ConversionComparison conversion =
                    journeys.stats(shop.id(), "browse-offer").conversion();
            return conversion.treated().converted() + conversion.control().converted() == orders;
        });

        ConversionComparison conversion =
                journeys.stats(shop.id(), "browse-offer").conversion();
        assertThat(conversion.treated().runs()).isEqualTo(treated);
        assertThat(conversion.control().runs()).isEqualTo(CUSTOMERS - treated);
        assertThat(conversion.treated().converted()).isEqualTo(treatedOrders);
        assertThat(conversion.control().converted()).isEqualTo(controlOrders);
        assertThat(conversion.treated().revenue()).isEqualByComparingTo(String.valueOf(30 * treatedOrders));
        assertThat(conversion.difference())
                .isEqualTo((double) treatedOrders / treated - (double) controlOrders / (CUSTOMERS - treated));
        assertThat(conversion.low()).isPositive();
        assertThat(conversion.high()).isGreaterThan(conversion.difference());
        assertThat(conversion.lift()).isPositive();
        JsonNode answer = api.get("/v1/journeys/browse-offer/stats", bearer(shop.adminKey()))
                .json()
                .get("conversion");
        assertThat(answer.get("treated").get("rate").asDouble()).isEqualTo((double) treatedOrders / treated);
        assertThat(answer.get("significantlyBetter").asBoolean()).isTrue();
        assertThat(answer.get("low").asDouble()).isEqualTo(conversion.low());
    }

    private static String email(TestTenant shop, String user) {
        return user + "-" + shop.id().value() + "@example.com";
    }
}
