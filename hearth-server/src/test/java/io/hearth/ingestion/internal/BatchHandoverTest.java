package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ingestion.EventRef;
import io.hearth.ingestion.EventsIngested;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class BatchHandoverTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID().toString());
    private static final UUID SOURCE = UUID.randomUUID();

    @BeforeEach
    void inTransaction() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void done() {
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void aKeptBatchIsTakenOnce() {
        BatchHandover handover = new BatchHandover(100);
        List<StoredEvent> batch = events(3);

        handover.keep(batch);

        assertThat(handover.take(announcement(batch))).contains(batch);
        assertThat(handover.take(announcement(batch))).isEmpty();
    }

    @Test
    void aBatchBeyondTheBoundIsNotKeptAndTakingFreesRoom() {
        BatchHandover handover = new BatchHandover(5);
        List<StoredEvent> first = events(3);
        List<StoredEvent> second = events(3);

        handover.keep(first);
        handover.keep(second);

        assertThat(handover.take(announcement(second))).isEmpty();
        assertThat(handover.take(announcement(first))).contains(first);
        handover.keep(second);
        assertThat(handover.take(announcement(second))).contains(second);
    }

    @Test
    void aBatchWhoseTransactionRollsBackIsDropped() {
        BatchHandover handover = new BatchHandover(100);
        List<StoredEvent> batch = events(2);

        handover.keep(batch);
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(handover.take(announcement(batch))).isEmpty();
    }

    private static List<StoredEvent> events(int count) {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        return IntStream.range(0, count)
                .mapToObj(i -> new StoredEvent(
                        UUID.randomUUID(), SOURCE, "m" + i, "track", "Viewed", "ann", null, now, now, "{}"))
                .toList();
    }

    private static EventsIngested announcement(List<StoredEvent> batch) {
        return new EventsIngested(
                TENANT,
                SOURCE,
                batch.stream()
                        .map(event -> new EventRef(event.eventId(), event.timestamp()))
                        .toList());
    }
}
