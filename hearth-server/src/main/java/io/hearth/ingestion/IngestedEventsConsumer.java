package io.hearth.ingestion;

import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Set;

/**
 * A module's reaction to stored events, implemented by a bean of that module. Ingestion hands every
 * committed batch to every consumer through one persisted publication of {@link EventsIngested}:
 * the events come straight from memory on the node that stored them, and are read back from the log
 * only when a publication is delivered again (after a restart or a failure).
 *
 * <p>Delivery is at least once and per consumer: a consumer that throws gets the batch again later,
 * while those that succeeded do not. Implementations must therefore be idempotent per event.
 */
public interface IngestedEventsConsumer {

    /** A stable name, unique among consumers: it records which consumers are done with a batch. */
    String name();

    /** Reacts to stored events of one tenant, in no particular order; throws to have them again. */
    void consume(TenantId tenant, List<StoredEvent> events);

    /**
     * The dispatcher's entry point: as {@link #consume(TenantId, List)}, told whether the batch may have
     * reached this consumer before. Override it to skip idempotency lookups on a {@link Delivery#FIRST}.
     */
    default void consume(TenantId tenant, List<StoredEvent> events, Delivery delivery) {
        consume(tenant, events);
    }

    /** Names of consumers that must have handled a batch before this one gets it. */
    default Set<String> after() {
        return Set.of();
    }
}
