package io.hearth.testing;

import io.hearth.predictions.PredictionChanged;
import io.hearth.predictions.PredictionDriftDetected;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records threshold crossings and drift alerts that reached listeners after their transaction committed. */
@TestComponent
public class PredictionEventsRecorder {

    private final List<PredictionChanged> changes = new CopyOnWriteArrayList<>();
    private final List<PredictionDriftDetected> drifts = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(PredictionChanged event) {
        changes.add(event);
    }

    @TransactionalEventListener
    void on(PredictionDriftDetected event) {
        drifts.add(event);
    }

    public List<PredictionChanged> changes(TenantId tenant) {
        return changes.stream().filter(event -> event.tenantId().equals(tenant)).toList();
    }

    public List<PredictionDriftDetected> drifts(TenantId tenant) {
        return drifts.stream().filter(event -> event.tenantId().equals(tenant)).toList();
    }
}
