package io.hearth.testing;

import io.hearth.ingestion.Delivery;
import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;

/**
 * A consumer of ingested batches, as a module's would be: records every batch handed to it, after the
 * transaction that stored it committed. Can be told to fail, to test redelivery.
 */
@TestComponent
public class IngestedEventsRecorder implements IngestedEventsConsumer {

    private final List<Batch> received = new CopyOnWriteArrayList<>();
    private final List<TenantId> failing = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "test-recorder";
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events) {
        if (failing.contains(tenant)) {
            throw new IllegalStateException("the recorder fails for this tenant, as told");
        }
        received.add(new Batch(tenant, List.copyOf(events)));
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events, Delivery delivery) {
        attempts.add(new Attempt(tenant, delivery));
        consume(tenant, events);
    }

    /** How each batch of the tenant was handed over, failed attempts included, in order. */
    public List<Delivery> deliveries(TenantId tenant) {
        return attempts.stream()
                .filter(attempt -> attempt.tenant().equals(tenant))
                .map(Attempt::delivery)
                .toList();
    }

    /** The batches of the tenant handed over so far. */
    public List<List<StoredEvent>> of(TenantId tenant) {
        return received.stream()
                .filter(batch -> batch.tenant().equals(tenant))
                .map(Batch::events)
                .toList();
    }

    /** Makes every batch of the tenant fail here (and only here) until {@link #recover}. */
    public void failFor(TenantId tenant) {
        failing.add(tenant);
    }

    public void recover(TenantId tenant) {
        failing.remove(tenant);
    }

    private record Batch(TenantId tenant, List<StoredEvent> events) {}

    private record Attempt(TenantId tenant, Delivery delivery) {}
}
