package io.hearth.testing;

import io.hearth.profiles.OrderStatusChanged;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the order lifecycle steps that reached listeners after their transaction committed. */
@TestComponent
public class OrderEventsRecorder {

    private final List<OrderStatusChanged> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(OrderStatusChanged change) {
        received.add(change);
    }

    public List<OrderStatusChanged> of(TenantId tenant) {
        return received.stream()
                .filter(change -> change.tenantId().equals(tenant))
                .toList();
    }
}
