package io.hearth.testing;

import io.hearth.shared.TenantId;
import io.hearth.support.SupportActionRequested;
import io.hearth.support.SupportEscalated;
import io.hearth.support.SupportSlaBreached;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records support escalations, SLA breaches and requested order actions once their transaction committed. */
@TestComponent
public class SupportEventsRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SupportEscalated event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(SupportSlaBreached event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(SupportActionRequested event) {
        events.add(event);
    }

    public <T> List<T> of(TenantId tenant, Class<T> type) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(event -> tenantOf(event).equals(tenant))
                .toList();
    }

    private static TenantId tenantOf(Object event) {
        return switch (event) {
            case SupportEscalated e -> e.tenantId();
            case SupportSlaBreached e -> e.tenantId();
            case SupportActionRequested e -> e.tenantId();
            default -> throw new IllegalArgumentException(event.toString());
        };
    }
}
