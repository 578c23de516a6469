package io.hearth.ingestion;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.IngestedEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Stored events are announced once, after the transaction that stored them commits. */
@HearthTest
class EventsIngestedTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    IngestedEventsRecorder recorder;

    @Test
    void aBatchIsAnnouncedWithExactlyTheEventsItStored() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        String batch = """
                {"batch":[{"type":"track","userId":"ann","event":"One","messageId":"one"},
                          {"type":"track","userId":"ann","event":"Two","messageId":"two"},
                          {"type":"track","event":"Invalid"}]}""";

        api.post("/v1/batch", basic(shop.writeKey()), batch);
        api.post("/v1/batch", basic(shop.writeKey()), batch);

        var announced = recorder.of(shop.id());
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).sourceId()).isEqualTo(shop.sourceId());
        var stored = api.get("/v1/events?userId=ann", bearer(shop.adminKey())).json().get("data").values().stream()
                .map(event -> UUID.fromString(event.get("eventId").asString()))
                .toList();
        assertThat(announced.get(0).events()).extracting(EventRef::eventId).containsExactlyInAnyOrderElementsOf(stored);
    }
}
