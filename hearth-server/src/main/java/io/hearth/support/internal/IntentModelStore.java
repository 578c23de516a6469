package io.hearth.support.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Each shop's trained intent model as the bytes hearth-ml writes. */
@Repository
class IntentModelStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IntentModelStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Optional<byte[]> load(TenantId tenant) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select model from support_intent_model where tenant_id = :t")
                        .param("t", tenant.value())
                        .query(byte[].class)
                        .optional());
    }

    Optional<Instant> trainedAt(TenantId tenant) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select trained_at from support_intent_model where tenant_id = :t")
                        .param("t", tenant.value())
                        .query(Timestamp.class)
                        .optional()
                        .map(Timestamp::toInstant));
    }

    void save(TenantId tenant, byte[] model, String reportJson, Instant at) {
        inTenant(
                tenant,
                () -> jdbc.sql("""
                insert into support_intent_model (tenant_id, model, report, trained_at)
                values (:t, :model, cast(:report as jsonb), :at)
                on conflict (tenant_id) do update
                set model = excluded.model, report = excluded.report, trained_at = excluded.trained_at
                """)
                        .param("t", tenant.value())
                        .param("model", model)
                        .param("report", reportJson)
                        .param("at", Timestamp.from(at))
                        .update());
    }

    private <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }
}
