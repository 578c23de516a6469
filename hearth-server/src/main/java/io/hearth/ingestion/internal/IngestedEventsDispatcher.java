package io.hearth.ingestion.internal;

import io.hearth.ingestion.Delivery;
import io.hearth.ingestion.EventsIngested;
import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.PayloadTrees;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one listener of {@link EventsIngested}, so a batch costs one publication in the registry
 * however many modules react to it. It hands the batch to every {@link IngestedEventsConsumer} in
 * turn (a consumer after those it names in {@link IngestedEventsConsumer#after()}), taking the events
 * from memory on the node that stored them and reading them back from the log only on a redelivery.
 *
 * <p>The publication completes only when every consumer succeeded. When some fail, the others are
 * recorded as done with the batch and the publication fails; its redelivery (see
 * {@link ConsumerRetries}, and every restart) reaches only the consumers still owing it. Consumers
 * run one after the other on the batch's thread: several batches are dispatched at once, which keeps
 * both cores busy without a batch holding more than one database connection.
 */
@Component
class IngestedEventsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(IngestedEventsDispatcher.class);

    private final List<IngestedEventsConsumer> consumers;
    private final BatchHandover handover;
    private final EventReader reader;
    private final ConsumedBatches consumed;

    IngestedEventsDispatcher(
            List<IngestedEventsConsumer> consumers,
            BatchHandover handover,
            EventReader reader,
            ConsumedBatches consumed) {
        this.consumers = ConsumerOrder.of(consumers);
        this.handover = handover;
        this.reader = reader;
        this.consumed = consumed;
    }

    @Async(ConsumerConfiguration.NAME)
    @TransactionalEventListener
    void on(EventsIngested ingested) {
        if (ingested.events().isEmpty()) {
            return;
        }
        TenantId tenant = ingested.tenantId();
        UUID batch = BatchHandover.key(ingested);
        Optional<List<StoredEvent>> inMemory = handover.take(ingested);
        Set<String> done = inMemory.isPresent() ? Set.of() : consumed.doneWith(tenant, batch);
        List<IngestedEventsConsumer> owing = consumers.stream()
                .filter(consumer -> !done.contains(consumer.name()))
                .toList();
        if (!owing.isEmpty()) {
            List<StoredEvent> events = inMemory.orElseGet(() -> reader.byReference(tenant, ingested.events()));
            Delivery delivery = inMemory.isPresent() ? Delivery.FIRST : Delivery.AGAIN;
            PayloadTrees.shareWhile(() -> dispatch(tenant, batch, owing, events, delivery));
        }
        if (!done.isEmpty()) {
            consumed.forget(tenant, batch);
        }
    }

    private void dispatch(
            TenantId tenant,
            UUID batch,
            List<IngestedEventsConsumer> owing,
            List<StoredEvent> events,
            Delivery delivery) {
        List<String> succeeded = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        RuntimeException firstFailure = null;
        // At debug level, where a batch's time goes: the wait for a thread, then each consumer.
        long begun = System.nanoTime();
        StringBuilder timing = log.isDebugEnabled() ? new StringBuilder() : null;
        if (timing != null) {
            long oldest = events.stream()
                    .mapToLong(event -> event.receivedAt().toEpochMilli())
                    .min()
                    .orElse(0);
            timing.append(System.currentTimeMillis() - oldest).append(" ms after its oldest event was received");
        }
        for (IngestedEventsConsumer consumer : owing) {
            long consumerStart = System.nanoTime();
            if (consumer.after().stream().anyMatch(failed::contains)) {
                failed.add(consumer.name());
                continue;
            }
            try {
                consumer.consume(tenant, events, delivery);
                succeeded.add(consumer.name());
                if (timing != null) {
                    timing.append(", ")
                            .append(consumer.name())
                            .append(' ')
                            .append((System.nanoTime() - consumerStart) / 1_000_000)
                            .append(" ms");
                }
            } catch (RuntimeException failure) {
                log.warn(
                        "consumer {} failed on batch {} of tenant {}; it will get it again",
                        consumer.name(),
                        batch,
                        tenant,
                        failure);
                failed.add(consumer.name());
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
        }
        if (timing != null) {
            log.debug(
                    "batch of {} events, dispatched {}, consumers {} ms in all",
                    events.size(),
                    timing,
                    (System.nanoTime() - begun) / 1_000_000);
        }
        if (firstFailure != null) {
            consumed.record(tenant, batch, succeeded);
            throw new ConsumersFailed(batch, failed, firstFailure);
        }
    }

    /** Fails the batch's publication, so that it is delivered again to the consumers named. */
    static final class ConsumersFailed extends RuntimeException {
        ConsumersFailed(UUID batch, Set<String> consumers, RuntimeException cause) {
            super("consumers " + consumers + " failed on batch " + batch, cause);
        }
    }
}
