package io.hearth.ingestion.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consumers done with a batch that failed for some other consumer. Written only on a partial
 * failure and deleted when the batch is complete, so a batch that succeeds at once costs nothing here.
 */
@Repository
class ConsumedBatches {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsumedBatches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Set<String> doneWith(TenantId tenant, UUID batch) {
        return TenantContext.call(
                tenant,
                () -> new HashSet<>(jdbc.sql("""
                                select consumer from ingestion_batch_consumed
                                where tenant_id = :tenant and batch_key = :batch
                                """)
                        .param("tenant", tenant.value())
                        .param("batch", batch)
                        .query(String.class)
                        .list()));
    }

    void record(TenantId tenant, UUID batch, Collection<String> consumers) {
        TenantContext.run(tenant, () -> {
            for (String consumer : consumers) {
                jdbc.sql("""
                                insert into ingestion_batch_consumed (tenant_id, batch_key, consumer, consumed_at)
                                values (:tenant, :batch, :consumer, :now)
                                on conflict do nothing
                                """)
                        .param("tenant", tenant.value())
                        .param("batch", batch)
                        .param("consumer", consumer)
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
            }
        });
    }

    void forget(TenantId tenant, UUID batch) {
        TenantContext.run(
                tenant,
                () -> jdbc.sql("delete from ingestion_batch_consumed where tenant_id = :tenant and batch_key = :batch")
                        .param("tenant", tenant.value())
                        .param("batch", batch)
                        .update());
    }
}
