package io.hearth.testing;

import io.hearth.segments.SegmentEntered;
import io.hearth.segments.SegmentExited;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records segment entries and exits that reached listeners after their transaction committed. */
@TestComponent
public class SegmentEventsRecorder {

    private final List<SegmentEntered> entered = new CopyOnWriteArrayList<>();
    private final List<SegmentExited> exited = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SegmentEntered event) {
        entered.add(event);
    }

    @TransactionalEventListener
    void on(SegmentExited event) {
        exited.add(event);
    }

    public List<SegmentEntered> entered(TenantId tenant) {
        return entered.stream().filter(event -> event.tenantId().equals(tenant)).toList();
    }

    public List<SegmentExited> exited(TenantId tenant) {
        return exited.stream().filter(event -> event.tenantId().equals(tenant)).toList();
    }
}
