package io.hearth.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ingestion.StoredEvent;
import io.hearth.journeys.JourneyManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
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
 * A batch of tracked events reaches journeys through {@link CustomerEvents#handleAll}: events no
 * journey listens for never wait for a profile, the ones that matter start runs for their customers.
 */
@HearthTest
class CustomerEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    CustomerEvents customerEvents;

    @Autowired
    Definitions definitions;

    @Test
    void aBatchStartsRunsForTheEventsJourneysListenForAndPassesOverTheRest() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        journeys.publish(shop.id(), "signed-up", """
                trigger: {type: event, event: Signed Up}
                exitWhen: [Unsubscribed]
                steps:
                  - {id: pause, type: wait, duration: P1D}
                """);
        customers.identify(api, shop, "ana", "\"email\":\"ana@example.com\"");
        customers.identify(api, shop, "ben", "\"email\":\"ben@example.com\"");
        List<StoredEvent> batch = List.of(
                track("Page Viewed", "nobody-has-this-profile"),
                track("Signed Up", "ana"),
                track("Signed Up", "ben"),
                track("Product Viewed", "nor-this-one"));

        Instant started = Instant.now();
        customerEvents.handleAll(shop.id(), definitions.latestOfEach(shop.id()), batch);
        Duration took = Duration.between(started, Instant.now());

        assertThat(journeys.stats(shop.id(), "signed-up").total("entered")).isEqualTo(2);
        assertThat(took)
                .as("the events of users without a profile are not waited for")
                .isLessThan(Duration.ofSeconds(10));
    }

    private static StoredEvent track(String name, String userId) {
        Instant now = Instant.now();
        return new StoredEvent(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                "track",
                name,
                userId,
                null,
                now,
                now,
                "{\"type\":\"track\",\"event\":\"" + name + "\",\"userId\":\"" + userId + "\",\"properties\":{}}");
    }
}
