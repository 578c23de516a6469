package io.hearth.journeys;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The three journeys Hearth ships, published from their files and run end to end by the clock. */
@HearthTest
class ExampleJourneysTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MailInbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    ProfileManagement profiles;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShopWithTheShippedTemplates() {
        api = new Api(port);
        shop = tenants.create();
        template(
                "thank-you",
                "Thank you, {{ customer.first_name | default: 'friend' }}",
                "Order {{ order.id }} arrived.");
        template("usage-tips", "Three tips for your order", "Grind fresh.");
        template(
                "cross-sell",
                "You may need this next",
                "{% for item in recommendations %}{{ item.title }} {% endfor %}");
        template("replenish", "Running low?", "Time to reorder.");
        template("win-back", "We miss you", "Come back for something new.");
        template("win-back-last-chance", "Last chance", "Your offer ends soon.");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void postPurchaseThanksThenTipsAtTheSendHourThenTriesACrossSellThatNeedsRecommendations() throws IOException {
        publish("post-purchase");
        String email = customer("mia");
        customers.placeOrder(api, shop, "mia", "M-1", "30");
        track("mia", "Order Delivered", "M-1");

        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);
        awaitTotal("post-purchase", "waiting", 1);
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        awaitTotal("post-purchase", "waiting", 2);
        clock.advance(Duration.ofHours(23));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 2);
        awaitTotal("post-purchase", "waiting", 3);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        awaitTotal("post-purchase", "exited", 1);

        JourneyStats stats = journeys.stats(shop.id(), "post-purchase");
        assertThat(stats.counts())
                .filteredOn(count -> count.step().equals("cross-sell"))
                .singleElement()
                .satisfies(count -> {
                    assertThat(count.outcome()).isEqualTo("failed");
                    assertThat(count.reason()).contains("recommendations");
                });
        assertThat(stats.total("sent")).isEqualTo(2);
        assertThat(inbox.to(email)).hasSize(2);
    }

    @Test
    void replenishmentRemindsNowOrNextMorningAndHoldsSomeOutOnlyAboveTheThreshold() throws IOException {
        publish("replenishment");
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(customerId("rep" + i));
        }
        CustomerId below = customerId("below");

        for (CustomerId id : ids) {
            journeys.predictionCrossed(shop.id(), id, "replenishment_due", 0.8, "crossing-" + id.value());
        }
        journeys.predictionCrossed(shop.id(), below, "replenishment_due", 0.5, "crossing-below");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "replenishment").total("entered") == 12);
        JourneyStats first = journeys.stats(shop.id(), "replenishment");
        clock.advance(Duration.ofDays(1));
        long expected = 12 - first.total("holdout");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "replenishment").total("sent") == expected);

        JourneyStats stats = journeys.stats(shop.id(), "replenishment");
        assertThat(stats.total("variant") + stats.total("holdout")).isEqualTo(12);
        assertThat(first.total("sent")).isEqualTo(first.total("variant", "now"));
        assertThat(stats.total("done", "holdout")).isEqualTo(first.total("holdout"));
    }

    @Test
    void winBackOffersTellsAndNudgesOnceMoreThenMarksTheCustomer() throws IOException {
        publish("win-back");
        // One discount arm, so the bandit's choice carries a personal voucher.
        api.put("/v1/loyalty/offers/arms", bearer(shop.adminKey()), """
                {"arms": [{"name": "discount", "kind": "DISCOUNT", "value": 10, "cost": 1}]}""");
        String email = customer("noa");
        CustomerId noa = profiles.lookup(shop.id(), io.hearth.profiles.IdentifierKind.USER_ID, "noa")
                .orElseThrow()
                .customerId();

        journeys.predictionCrossed(shop.id(), noa, "churn_risk", 0.72, "churn-1");
        journeys.predictionCrossed(shop.id(), noa, "churn_risk", 0.75, "churn-2");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);
        awaitTotal("win-back", "waiting", 1);
        clock.advance(Duration.ofDays(14).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 2);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Boolean.TRUE.equals(
                        profiles.profile(shop.id(), noa).orElseThrow().traits().get("win_back_finished")));

        JourneyStats stats = journeys.stats(shop.id(), "win-back");
        assertThat(stats.total("entered")).as("no re-entry").isEqualTo(1);
        assertThat(stats.counts()).contains(new JourneyStats.Count("offer", "done", null, 1));
        assertThat(stats.total("timeout")).isEqualTo(1);
    }

    private void awaitTotal(String journey, String outcome, long count) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), journey).total(outcome) >= count);
    }

    private String customer(String user) {
        String email = user + "-" + shop.id().value() + "@example.com";
        CustomerId id = customers.identify(
                api, shop, user, "\"email\":\"" + email + "\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
        customers.optIn(shop, id, Channel.EMAIL);
        return email;
    }

    private CustomerId customerId(String user) {
        customer(user);
        return profiles.lookup(shop.id(), io.hearth.profiles.IdentifierKind.USER_ID, user)
                .orElseThrow()
                .customerId();
    }

    private void track(String user, String event, String order) {
        api.post(
                "/v1/track",
                Api.basic(shop.writeKey()),
                "{\"userId\":\"" + user + "\",\"event\":\"" + event + "\",\"messageId\":\"" + order + event.hashCode()
                        + "\",\"properties\":{\"order_id\":\"" + order + "\"}}");
    }

    private void template(String key, String subject, String text) {
        assertThat(api.put(
                                "/v1/templates/" + key,
                                bearer(shop.adminKey()),
                                "{\"locales\": {\"en\": {\"subject\": \"" + subject + "\", \"text\": \"" + text
                                        + "\"}}}")
                        .status())
                .isEqualTo(200);
    }

    private void publish(String journey) throws IOException {
        try (InputStream file = getClass().getResourceAsStream("/journeys/" + journey + ".yaml")) {
            String source = new String(file.readAllBytes(), StandardCharsets.UTF_8);
            journeys.publish(shop.id(), journey, source);
        }
    }
}
