package io.hearth.ingestion;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.TimelineEntry;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.IngestedEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stored events reach every module's consumer through one publication per batch, after the
 * transaction that stored them commits, each event once; a consumer that fails gets the batch again
 * (and only it does) until it succeeds.
 */
@HearthTest
class EventsIngestedTest {

    private static final String BATCH = """
            {"batch":[{"type":"track","userId":"ann","event":"One","messageId":"one"},
                      {"type":"track","userId":"ann","event":"Two","messageId":"two"},
                      {"type":"track","event":"Invalid"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    IngestedEventsRecorder recorder;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchIsOnePublicationAndReachesEachConsumerWithEachEventOnce() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);

        api.post("/v1/batch", basic(shop.writeKey()), BATCH);
        api.post("/v1/batch", basic(shop.writeKey()), BATCH);

        List<UUID> stored = storedEvents(api, shop);
        assertThat(stored).hasSize(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !recorder.of(shop.id()).isEmpty());
        List<List<StoredEvent>> handed = recorder.of(shop.id());
        assertThat(handed).hasSize(1);
        assertThat(handed.getFirst())
                .allSatisfy(event -> assertThat(event.sourceId()).isEqualTo(shop.sourceId()));
        assertThat(handed.getFirst()).extracting(StoredEvent::eventId).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(recorder.deliveries(shop.id())).containsExactly(Delivery.FIRST);
        await().atMost(Duration.ofSeconds(10)).until(() -> timeline(shop.id()).size() == 2);
        assertThat(timeline(shop.id())).extracting(TimelineEntry::eventId).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(publications(stored))
                .singleElement()
                .extracting(Publication::listener)
                // V6 moves outstanding publications of older releases to this id: keep them in step.
                .isEqualTo(
                        "io.hearth.ingestion.internal.IngestedEventsDispatcher.on(io.hearth.ingestion.EventsIngested)");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> publications(stored).getFirst().completed());
    }

    @Test
    void aFailingConsumerGetsTheBatchAgainUntilItSucceedsWhileTheOthersKeepTheirs() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        recorder.failFor(shop.id());

        api.post("/v1/batch", basic(shop.writeKey()), BATCH);

        List<UUID> stored = storedEvents(api, shop);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> consumersDone(shop.id()).contains("profiles"));
        assertThat(consumersDone(shop.id())).doesNotContain("test-recorder");
        assertThat(publications(stored))
                .singleElement()
                .satisfies(publication -> assertThat(publication.completed()).isFalse());
        assertThat(timeline(shop.id())).extracting(TimelineEntry::eventId).containsExactlyInAnyOrderElementsOf(stored);

        recorder.recover(shop.id());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !recorder.of(shop.id()).isEmpty());
        assertThat(recorder.of(shop.id()))
                .singleElement()
                .satisfies(events -> assertThat(events)
                        .extracting(StoredEvent::eventId)
                        .containsExactlyInAnyOrderElementsOf(stored));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> publications(stored).getFirst().completed());
        // Handed over from memory once; every retry is read back from the log.
        List<Delivery> deliveries = recorder.deliveries(shop.id());
        assertThat(deliveries).hasSizeGreaterThan(1);
        assertThat(deliveries.getFirst()).isEqualTo(Delivery.FIRST);
        assertThat(deliveries.subList(1, deliveries.size())).containsOnly(Delivery.AGAIN);
        assertThat(consumersDone(shop.id())).isEmpty();
        assertThat(timeline(shop.id())).hasSize(2);
    }

    private List<UUID> storedEvents(Api api, TestTenant shop) {
        return api.get("/v1/events?userId=ann", bearer(shop.adminKey())).json().get("data").values().stream()
                .map(event -> UUID.fromString(event.get("eventId").asString()))
                .toList();
    }

    private List<TimelineEntry> timeline(TenantId tenant) {
        Optional<CustomerProfile> ann = profiles.lookup(tenant, IdentifierKind.USER_ID, "ann");
        return ann.map(profile -> profiles.timeline(tenant, profile.customerId(), null, null, 50, null)
                        .entries())
                .orElse(List.of());
    }

    /** The registry's publications of the batch holding these events, whichever listener they are for. */
    private List<Publication> publications(List<UUID> events) {
        return jdbc.sql("""
                        select listener_id, completion_date is not null as completed from event_publication
                        where event_type = :type and serialized_event like :event
                        """)
                .param("type", EventsIngested.class.getName())
                .param("event", "%" + events.getFirst() + "%")
                .query((row, number) -> new Publication(row.getString(1), row.getBoolean(2)))
                .list();
    }

    private List<String> consumersDone(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("select consumer from ingestion_batch_consumed")
                        .query(String.class)
                        .list());
    }

    private record Publication(String listener, boolean completed) {}
}
