package io.hearth.ingestion.internal.imports;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How far each imported file got: the last line whose order is stored, per tenant and file. */
@Repository
class ImportCheckpoints {

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportCheckpoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Long> lastLine(TenantId tenant, String importKey) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("""
                        select line_number from ingestion_import_checkpoint
                        where tenant_id = :tenant and import_key = :key
                        """)
                        .param("tenant", tenant.value())
                        .param("key", importKey)
                        .query(Long.class)
                        .optional());
    }

    void save(TenantId tenant, String importKey, long lineNumber) {
        TenantContext.run(
                tenant,
                () -> jdbc.sql("""
                        insert into ingestion_import_checkpoint (tenant_id, import_key, line_number, updated_at)
                        values (:tenant, :key, :line, :now)
                        on conflict (tenant_id, import_key)
                        do update set line_number = excluded.line_number, updated_at = excluded.updated_at
                        """)
                        .param("tenant", tenant.value())
                        .param("key", importKey)
                        .param("line", lineNumber)
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .update());
    }
}
