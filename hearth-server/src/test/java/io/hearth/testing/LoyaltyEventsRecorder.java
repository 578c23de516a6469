package io.hearth.testing;

import io.hearth.loyalty.PointsEarned;
import io.hearth.loyalty.PointsExpiring;
import io.hearth.loyalty.TierChanged;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the loyalty events that reached listeners after their transaction committed. */
@TestComponent
public class LoyaltyEventsRecorder {

    private final List<Object> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(PointsEarned earned) {
        received.add(earned);
    }

    @TransactionalEventListener
    void on(PointsExpiring expiring) {
        received.add(expiring);
    }

    @TransactionalEventListener
    void on(TierChanged changed) {
        received.add(changed);
    }

    public List<PointsExpiring> expiring(TenantId tenant) {
        return of(PointsExpiring.class).stream()
                .filter(e -> e.tenantId().equals(tenant))
                .toList();
    }

    public List<TierChanged> tierChanges(TenantId tenant) {
        return of(TierChanged.class).stream()
                .filter(e -> e.tenantId().equals(tenant))
                .toList();
    }

    public List<PointsEarned> earned(TenantId tenant) {
        return of(PointsEarned.class).stream()
                .filter(e -> e.tenantId().equals(tenant))
                .toList();
    }

    private <T> List<T> of(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
