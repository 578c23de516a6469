package io.hearth.loyalty.internal;

import io.hearth.privacy.Decision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Decisions written with the ledger transaction that made them, waiting for the decision log. */
@Repository
class DecisionOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    DecisionOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A waiting decision and its row. */
    record Waiting(long id, Decision decision) {}

    /** In the caller's transaction: the decision is logged exactly when the transaction commits. */
    void add(TenantId tenant, Decision decision) {
        jdbc.sql("""
                        insert into loyalty_decision_outbox (tenant_id, customer_id, decision_type, inputs,
                            model_version, outcome, reason, occurred_at)
                        values (:tenant, :customer, :type, :inputs, :model, :outcome, :reason, :at)""")
                .param("tenant", tenant.value())
                .param("customer", decision.customer().value())
                .param("type", decision.type())
                .param("inputs", JSON.writeValueAsString(decision.inputs()))
                .param("model", decision.modelVersion())
                .param("outcome", decision.outcome())
                .param("reason", decision.reason())
                .param("at", Timestamp.from(java.util.Objects.requireNonNull(decision.occurredAt())))
                .update();
    }

    List<TenantId> tenants() {
        return jdbc.sql("select tenant_id from loyalty_outbox_tenants()")
                .query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The oldest waiting decisions of the tenant, locked until the transaction ends; others skip them. */
    List<Waiting> lockOldest(TenantId tenant, int limit) {
        return jdbc.sql("""
                        select * from loyalty_decision_outbox where tenant_id = :tenant
                        order by id limit :limit for update skip locked""")
                .param("tenant", tenant.value())
                .param("limit", limit)
                .query((rs, row) -> new Waiting(
                        rs.getLong("id"),
                        new Decision(
                                CustomerId.of(rs.getString("customer_id")),
                                rs.getString("decision_type"),
                                (ObjectNode) JSON.readTree(rs.getString("inputs")),
                                rs.getString("model_version"),
                                rs.getString("outcome"),
                                rs.getString("reason"),
                                rs.getTimestamp("occurred_at").toInstant())))
                .list();
    }

    void remove(TenantId tenant, List<Long> ids) {
        jdbc.sql("delete from loyalty_decision_outbox where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant.value())
                .param("ids", ids)
                .update();
    }
}
