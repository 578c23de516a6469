package io.hearth.predictions.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The last scores per customer that thresholds are judged against ({@code predictions_score}). */
@Repository
class ScoreStore {

    private static final TypeReference<Map<String, Double>> PARTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final InTenant inTenant;

    ScoreStore(JdbcClient jdbc, JsonMapper json, InTenant inTenant) {
        this.jdbc = jdbc;
        this.json = json;
        this.inTenant = inTenant;
    }

    Optional<Stored> previous(TenantId tenant, CustomerId customer) {
        return inTenant.call(
                tenant,
                () -> jdbc.sql("""
                        select health, churn_risk, replenishment_due, early_warning, health_parts::text as parts,
                            scored_at
                        from predictions_score where customer_id = :customer""")
                        .param("customer", customer.value())
                        .query((rs, row) -> new Stored(
                                rs.getDouble("health"),
                                rs.getDouble("churn_risk"),
                                rs.getBoolean("replenishment_due"),
                                rs.getBoolean("early_warning"),
                                json.readValue(rs.getString("parts"), PARTS),
                                rs.getTimestamp("scored_at").toInstant()))
                        .optional());
    }

    /** Inside the caller's tenant and transaction, so the events it publishes leave with the row. */
    void save(TenantId tenant, CustomerId customer, Stored score, String modelVersions) {
        jdbc.sql("""
                insert into predictions_score (tenant_id, customer_id, health, churn_risk, replenishment_due,
                    early_warning, health_parts, model_versions, scored_at)
                values (:tenant, :customer, :health, :churn, :due, :warned, :parts::jsonb, :versions, :at)
                on conflict (tenant_id, customer_id) do update set health = excluded.health,
                    churn_risk = excluded.churn_risk, replenishment_due = excluded.replenishment_due,
                    early_warning = excluded.early_warning,
                    health_parts = excluded.health_parts, model_versions = excluded.model_versions,
                    scored_at = excluded.scored_at
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("health", score.health())
                .param("churn", score.churnRisk())
                .param("due", score.replenishmentDue())
                .param("warned", score.earlyWarning())
                .param("parts", json.writeValueAsString(score.healthParts()))
                .param("versions", modelVersions)
                .param("at", Timestamp.from(score.scoredAt()))
                .update();
    }

    /** Holds the customer's score until the caller's transaction ends. */
    void lock(TenantId tenant, CustomerId customer) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "predictions-score:" + tenant + ":" + customer.value())
                .query((rs, row) -> 1)
                .list();
    }

    void forget(CustomerId customer) {
        jdbc.sql("delete from predictions_score where customer_id = :customer")
                .param("customer", customer.value())
                .update();
    }

    record Stored(
            double health,
            double churnRisk,
            boolean replenishmentDue,
            boolean earlyWarning,
            Map<String, Double> healthParts,
            Instant scoredAt) {

        Stored {
            healthParts = Map.copyOf(healthParts);
        }
    }
}
