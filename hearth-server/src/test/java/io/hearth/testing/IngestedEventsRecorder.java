package io.hearth.testing;

import io.hearth.ingestion.EventsIngested;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the EventsIngested announcements that reached listeners after their transaction committed. */
@TestComponent
public class IngestedEventsRecorder {

    private final List<EventsIngested> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(EventsIngested event) {
        received.add(event);
    }

    public List<EventsIngested> of(TenantId tenant) {
        return received.stream()
                .filter(event -> event.tenantId().equals(tenant))
                .toList();
    }
}
