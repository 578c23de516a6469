package io.hearth.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.ingestion.StoredEvent;
import io.hearth.journeys.JourneyManagement;
import io.hearth.privacy.Channel;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Order-placed journeys start from the ingested batch itself ({@link OrderEntries}): in one
 * transaction per batch, under the entry rules, earlier orders of the batch counting for later ones,
 * and a redelivered batch starting nothing; the new runs' first steps follow without the timer.
 */
@HearthTest
class OrderEntriesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    OrderEntries orderEntries;

    @Autowired
    Definitions definitions;

    @Autowired
    MailInbox inbox;

    @Test
    void aBatchOfPurchasesStartsRunsUnderTheEntryRulesOnceAndAdvancesThem() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        journeys.publish(shop.id(), "twice", """
                trigger: {type: order, status: placed}
                entry: {reentry: true, maxConcurrent: 2}
                steps:
                  - {id: pause, type: wait, duration: P1D}
                """);
        journeys.publish(shop.id(), "once", """
                trigger: {type: order, status: paid}
                entry: {reentry: false, maxConcurrent: 1}
                steps:
                  - {id: pause, type: wait, duration: P1D}
                """);
        journeys.publish(shop.id(), "delivered", """
                trigger: {type: order, status: delivered}
                steps:
                  - {id: pause, type: wait, duration: P1D}
                """);
        customers.identify(api, shop, "ana", "\"email\":\"ana@example.com\"");
        List<StoredEvent> batch = List.of(
                order("ana", "A-1"),
                order("ana", "A-1"), // the same order sent again under another message id
                order("ana", "A-2"),
                order("ana", "A-3"),
                order("nobody-has-this-profile", "N-1"));

        orderEntries.enterAll(shop.id(), definitions.latestOfEach(shop.id()), batch);
        orderEntries.enterAll(shop.id(), definitions.latestOfEach(shop.id()), batch);

        assertThat(journeys.stats(shop.id(), "twice").total("entered"))
                .as("two at once, whatever the batch holds")
                .isEqualTo(2);
        assertThat(journeys.stats(shop.id(), "once").total("entered")).isEqualTo(1);
        assertThat(journeys.stats(shop.id(), "delivered").total("entered"))
                .as("only what an Order Completed means: placed and paid")
                .isZero();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "twice").total("waiting") == 2
                        && journeys.stats(shop.id(), "once").total("waiting") == 1);
    }

    /**
     * The runs of one batch advance together on consents read once for all of them: the customer who
     * opted in gets her mail, the one who did not is suppressed for consent, each step logged once.
     */
    @Test
    void aBatchsFirstSendsFollowEachCustomersOwnConsent() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.put("/v1/templates/thanks", Api.bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Thank you", "text": "Hello", "html": "<p>Hello</p>"}}}""");
        journeys.publish(shop.id(), "thanks", """
                trigger: {type: order, status: placed}
                steps:
                  - {id: thank, type: send, template: thanks}
                """);
        String optedIn = "in-" + shop.id().value() + "@example.com";
        String noon = ",\"timezone\":\"" + Customers.zoneAt(12) + "\"";
        CustomerId in = customers.identify(api, shop, "in", "\"email\":\"" + optedIn + "\"" + noon);
        customers.optIn(shop, in, Channel.EMAIL);
        customers.identify(api, shop, "out", "\"email\":\"out-" + shop.id().value() + "@example.com\"" + noon);

        orderEntries.enterAll(
                shop.id(), definitions.latestOfEach(shop.id()), List.of(order("in", "I-1"), order("out", "O-1")));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "thanks").total("sent")
                                + journeys.stats(shop.id(), "thanks").total("suppressed")
                        == 2);
        assertThat(journeys.stats(shop.id(), "thanks").total("sent")).isEqualTo(1);
        assertThat(journeys.stats(shop.id(), "thanks").total("suppressed", "consent"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(optedIn).size() == 1);
    }

    private static StoredEvent order(String userId, String orderId) {
        Instant now = Instant.now();
        String payload = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"" + userId
                + "\",\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":40}}";
        return new StoredEvent(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                "track",
                "Order Completed",
                userId,
                null,
                now,
                now,
                payload);
    }
}
