package io.hearth.ingestion;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HearthTest
class EventsPerMinuteTest {

    private static final Instant TEN = Instant.parse("2026-01-01T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    IngestionManagement ingestion;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void everyMinuteOfTheWindowIsListedOldestFirstWithZeroForEmptyMinutes() {
        trackAt(shop, "10:00:05");
        trackAt(shop, "10:00:59");
        trackAt(shop, "10:02:00");
        trackAt(shop, "10:03:00");

        List<MinuteCount> minutes = ingestion.eventsPerMinute(shop.id(), TEN.plusSeconds(30), TEN.plusSeconds(180));

        assertThat(minutes)
                .containsExactly(
                        new MinuteCount(TEN, 2),
                        new MinuteCount(TEN.plusSeconds(60), 0),
                        new MinuteCount(TEN.plusSeconds(120), 1));
    }

    @Test
    void anotherTenantsEventsAreNotCounted() {
        TestTenant rival = tenants.create();
        trackAt(rival, "10:00:10");

        List<MinuteCount> minutes = ingestion.eventsPerMinute(shop.id(), TEN, TEN.plusSeconds(60));

        assertThat(minutes).containsExactly(new MinuteCount(TEN, 0));
    }

    private void trackAt(TestTenant tenant, String time) {
        String body = """
                {"userId":"u1","event":"Tick","timestamp":"2026-01-01T%sZ"}""".formatted(time);
        assertThat(api.post("/v1/track", basic(tenant.writeKey()), body).status())
                .isEqualTo(200);
    }
}
