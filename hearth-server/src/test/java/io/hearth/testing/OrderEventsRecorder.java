package io.hearth.testing;

import io.hearth.profiles.OrderStatusChanged;
import io.hearth.profiles.OrdersChanged;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the order lifecycle steps that reached listeners after their transaction committed. */
@TestComponent
public class OrderEventsRecorder {

    private final List<OrderStatusChanged> received = new CopyOnWriteArrayList<>();
    private final List<OrdersChanged> announcements = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(OrdersChanged changed) {
        announcements.add(changed);
        received.addAll(changed.changes());
    }

    /** How many announcements carried the tenant's steps. */
    public long announcementsOf(TenantId tenant) {
        return announcements.stream()
                .filter(changed -> changed.tenantId().equals(tenant))
                .count();
    }

    public List<OrderStatusChanged> of(TenantId tenant) {
        return received.stream()
                .filter(change -> change.tenantId().equals(tenant))
                .toList();
    }
}
