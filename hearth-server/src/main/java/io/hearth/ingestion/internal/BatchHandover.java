package io.hearth.ingestion.internal;

import io.hearth.ingestion.EventsIngested;
import io.hearth.ingestion.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the batches just stored on this node in memory until the consumers' dispatcher takes them,
 * so that the events need not be read back from the log they were just written to. Bounded by a
 * number of events: beyond it a batch is not kept and the dispatcher reads it back, as it does for a
 * publication delivered again after a restart. A batch whose transaction rolls back is dropped.
 */
final class BatchHandover {

    private final ConcurrentHashMap<UUID, List<StoredEvent>> batches = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private final int maxEvents;

    BatchHandover(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Keeps a batch being stored by the current transaction, when there is room. */
    void keep(List<StoredEvent> stored) {
        if (held.addAndGet(stored.size()) > maxEvents) {
            held.addAndGet(-stored.size());
            return;
        }
        UUID key = stored.getFirst().eventId();
        batches.put(key, stored);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    release(key);
                }
            }
        });
    }

    /** The events of the announced batch, when this node still holds them; each batch is taken once. */
    Optional<List<StoredEvent>> take(EventsIngested ingested) {
        return Optional.ofNullable(release(key(ingested)));
    }

    static UUID key(EventsIngested ingested) {
        return ingested.events().getFirst().eventId();
    }

    private List<StoredEvent> release(UUID key) {
        List<StoredEvent> events = batches.remove(key);
        if (events != null) {
            held.addAndGet(-events.size());
        }
        return events;
    }
}
