package io.hearth.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.ingestion.Delivery;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantContext;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first delivery is resolved without looking up which events are resolved already. Should it be a
 * duplicate after all (another node republished the batch meanwhile), it fails and changes nothing,
 * and the redelivery that follows is looked up and changes nothing either.
 */
@HearthTest
class DeliveryTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFirstDeliveryThatRepeatsFailsWithoutCountingAnEventTwice() {
        TestTenant shop = tenants.create();
        List<StoredEvent> batch = views(shop, "dana", 3);

        profiles.resolve(shop.id(), batch, Delivery.FIRST);
        assertThat(eventsCounted(shop, "dana")).isEqualTo(3);

        assertThatThrownBy(() -> profiles.resolve(shop.id(), batch, Delivery.FIRST))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(eventsCounted(shop, "dana")).isEqualTo(3);
        assertThat(linkedEvents(shop)).isEqualTo(3);

        profiles.resolve(shop.id(), batch, Delivery.AGAIN);
        assertThat(eventsCounted(shop, "dana")).isEqualTo(3);
        assertThat(linkedEvents(shop)).isEqualTo(3);
    }

    @Test
    void aRedeliveryMixedWithNewEventsCountsOnlyTheNewOnes() {
        TestTenant shop = tenants.create();
        List<StoredEvent> first = views(shop, "eli", 2);
        profiles.resolve(shop.id(), first, Delivery.FIRST);

        List<StoredEvent> again = new ArrayList<>(first);
        again.addAll(views(shop, "eli", 2));
        profiles.resolve(shop.id(), again, Delivery.AGAIN);

        assertThat(eventsCounted(shop, "eli")).isEqualTo(4);
        assertThat(linkedEvents(shop)).isEqualTo(4);
    }

    private static List<StoredEvent> views(TestTenant shop, String user, int count) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String messageId = UUID.randomUUID().toString();
            Instant at = Instant.parse("2026-11-02T10:00:00Z").plusSeconds(i);
            String payload = """
                    {"type":"track","event":"Product Viewed","userId":"%s","messageId":"%s","timestamp":"%s",\
                    "properties":{"product_id":"p-%d"}}""".formatted(user, messageId, at, i);
            events.add(new StoredEvent(
                    UUID.randomUUID(),
                    shop.sourceId(),
                    messageId,
                    "track",
                    "Product Viewed",
                    user,
                    null,
                    at,
                    at,
                    payload));
        }
        return events;
    }

    private long eventsCounted(TestTenant shop, String user) {
        return profiles.lookup(shop.id(), IdentifierKind.USER_ID, user)
                .orElseThrow()
                .computed()
                .eventsCount();
    }

    private long linkedEvents(TestTenant shop) {
        return TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select count(*) from profiles_event")
                        .query(Long.class)
                        .single());
    }
}
