package io.hearth.recommendations.internal;

import io.hearth.recommendations.ModelSummary;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Stored model versions of each tenant; the newest {@link #KEPT} are kept, older ones deleted. */
@Repository
class RecommendationModelStore {

    static final int KEPT = 3;
    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RecommendationModelStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    long nextVersion(TenantId tenant) {
        return latestVersion(tenant) + 1;
    }

    /** The newest stored version, 0 when none. */
    long latestVersion(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("select coalesce(max(version), 0) from recommendations_model where tenant_id = :tenant")
                        .param("tenant", tenant.value())
                        .query(Long.class)
                        .single());
    }

    void save(TenantId tenant, ServingModel model) {
        byte[] data = ModelCodec.encode(model);
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("""
                    insert into recommendations_model (tenant_id, version, trained_at, summary, data)
                    values (:tenant, :version, :trainedAt, cast(:summary as jsonb), :data)
                    on conflict (tenant_id, version) do nothing""")
                            .param("tenant", tenant.value())
                            .param("version", model.version())
                            .param("trainedAt", Timestamp.from(model.trainedAt()))
                            .param("summary", JSON.writeValueAsString(model.summary()))
                            .param("data", data)
                            .update();
                    jdbc.sql("""
                    delete from recommendations_model where tenant_id = :tenant and version <= :version - :kept""")
                            .param("tenant", tenant.value())
                            .param("version", model.version())
                            .param("kept", KEPT)
                            .update();
                }));
    }

    Optional<ServingModel> latest(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("""
                        select data from recommendations_model where tenant_id = :tenant
                        order by version desc limit 1""")
                        .param("tenant", tenant.value())
                        .query((rs, row) -> ModelCodec.decode(rs.getBytes("data")))
                        .optional());
    }

    /** Summaries of the kept versions, newest first. */
    List<ModelSummary> history(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("""
                        select summary::text as summary from recommendations_model where tenant_id = :tenant
                        order by version desc""")
                        .param("tenant", tenant.value())
                        .query((rs, row) -> JSON.readValue(rs.getString("summary"), ModelSummary.class))
                        .list());
    }
}
