package io.hearth.loyalty.internal;

import io.hearth.privacy.Decision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        jdbc.sql(insert(decision, params)).params(params).update();
    }

    /**
     * The insert of one waiting decision, its parameters (all prefixed {@code d}, besides {@code
     * tenant}) added to {@code params}: the ledger writes an award's decision in the statement that
     * writes the award.
     */
    static String insert(Decision decision, Map<String, Object> params) {
        params.put("dCustomer", decision.customer().value());
        params.put("dType", decision.type());
        params.put("dInputs", JSON.writeValueAsString(decision.inputs()));
        params.put("dModel", decision.modelVersion());
        params.put("dOutcome", decision.outcome());
        params.put("dReason", decision.reason());
        params.put("dAt", Timestamp.from(java.util.Objects.requireNonNull(decision.occurredAt())));
        return """
                insert into loyalty_decision_outbox (tenant_id, customer_id, decision_type, inputs,
                    model_version, outcome, reason, occurred_at)
                values (:tenant, :dCustomer, :dType, :dInputs, :dModel, :dOutcome, :dReason, :dAt)""";
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
