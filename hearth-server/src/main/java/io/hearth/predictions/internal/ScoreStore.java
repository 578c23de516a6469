package io.hearth.predictions.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The last scores per customer that thresholds are judged against ({@code predictions_score}). */
@Repository
class ScoreStore {

    private static final TypeReference<Map<String, Double>> PARTS = new TypeReference<>() {};

    private static final String UPSERT_POSITIONAL = """
            insert into predictions_score (tenant_id, customer_id, health, churn_risk, replenishment_due,
                early_warning, health_parts, model_versions, scored_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            on conflict (tenant_id, customer_id) do update set health = excluded.health,
                churn_risk = excluded.churn_risk, replenishment_due = excluded.replenishment_due,
                early_warning = excluded.early_warning,
                health_parts = excluded.health_parts, model_versions = excluded.model_versions,
                scored_at = excluded.scored_at
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;
    private final InTenant inTenant;

    ScoreStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json, InTenant inTenant) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
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

    /** The stored scores of several customers, in the caller's tenant and transaction; absent when never scored. */
    Map<CustomerId, Stored> previousOf(Collection<CustomerId> customers) {
        Map<CustomerId, Stored> stored = new HashMap<>();
        jdbc.sql("""
                select customer_id, health, churn_risk, replenishment_due, early_warning,
                    health_parts::text as parts, scored_at
                from predictions_score where customer_id = any(:customers)""")
                .param("customers", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .query(rs -> {
                    stored.put(
                            CustomerId.of(rs.getString("customer_id")),
                            new Stored(
                                    rs.getDouble("health"),
                                    rs.getDouble("churn_risk"),
                                    rs.getBoolean("replenishment_due"),
                                    rs.getBoolean("early_warning"),
                                    json.readValue(rs.getString("parts"), PARTS),
                                    rs.getTimestamp("scored_at").toInstant()));
                });
        return stored;
    }

    /** One round trip for a batch of scores, inside the caller's tenant and transaction. */
    void saveAll(TenantId tenant, List<Scoring> scorings) {
        if (scorings.isEmpty()) {
            return;
        }
        List<Object[]> rows = scorings.stream()
                .map(scoring -> new Object[] {
                    tenant.value(),
                    scoring.customer().value(),
                    scoring.score().health(),
                    scoring.score().churnRisk(),
                    scoring.score().replenishmentDue(),
                    scoring.score().earlyWarning(),
                    json.writeValueAsString(scoring.score().healthParts()),
                    scoring.modelVersions(),
                    Timestamp.from(scoring.score().scoredAt())
                })
                .toList();
        jdbcTemplate.batchUpdate(UPSERT_POSITIONAL, rows);
    }

    /**
     * Holds several customers' scores until the caller's transaction ends, taken in one order so that
     * two batches sharing customers wait for each other instead of deadlocking.
     */
    void lockAll(TenantId tenant, Collection<CustomerId> customers) {
        jdbc.sql("""
                select count(pg_advisory_xact_lock(hashtext(key)))
                from (select key from unnest(:keys) as k(key) order by key) ordered""")
                .param(
                        "keys",
                        customers.stream()
                                .map(customer -> "predictions-score:" + tenant + ":" + customer.value())
                                .distinct()
                                .toArray(String[]::new))
                .query((rs, row) -> 1)
                .list();
    }

    /** A score to store with the model versions that produced it. */
    record Scoring(CustomerId customer, Stored score, String modelVersions) {}

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
