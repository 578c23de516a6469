package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Challenges and the targets set for each member and month. */
@Repository
class ChallengeStore {

    private final JdbcClient jdbc;
    private final TenantCache<List<Challenge>> definitions;

    ChallengeStore(JdbcClient jdbc, LoyaltySettings settings) {
        this.jdbc = jdbc;
        this.definitions = new TenantCache<>(settings.programCacheTtl());
    }

    /** A member's target for one month, as it was set. */
    record StoredTarget(BigDecimal target, double probability, BigDecimal typical) {}

    void save(TenantId tenant, Challenge challenge) {
        definitions.changed(tenant);
        jdbc.sql("""
                        insert into loyalty_challenge (tenant_id, challenge_id, name, kind, stretch, min_target,
                            max_target, reward_points, active, budget_id)
                        values (:tenant, :id, :name, :kind, :stretch, :min, :max, :points, :active, :budget)
                        on conflict (tenant_id, challenge_id) do update set name = excluded.name, kind = excluded.kind,
                            stretch = excluded.stretch, min_target = excluded.min_target,
                            max_target = excluded.max_target, reward_points = excluded.reward_points,
                            active = excluded.active, budget_id = excluded.budget_id""")
                .param("tenant", tenant.value())
                .param("id", challenge.challengeId())
                .param("name", challenge.name())
                .param("kind", challenge.kind().name())
                .param("stretch", challenge.stretch())
                .param("min", challenge.minTarget())
                .param("max", challenge.maxTarget())
                .param("points", challenge.rewardPoints())
                .param("active", challenge.active())
                .param("budget", challenge.budgetId())
                .update();
    }

    /** From memory (see {@link TenantCache}): every earn asks whether a challenge is active. */
    List<Challenge> challenges(TenantId tenant, boolean activeOnly) {
        List<Challenge> all = definitions.get(
                tenant,
                () -> List.copyOf(
                        jdbc.sql("select * from loyalty_challenge where tenant_id = :tenant order by challenge_id")
                                .param("tenant", tenant.value())
                                .query(ChallengeStore::challenge)
                                .list()));
        return activeOnly ? all.stream().filter(Challenge::active).toList() : all;
    }

    Optional<StoredTarget> target(TenantId tenant, String challengeId, CustomerId customer, String period) {
        return jdbc.sql("""
                        select target, probability, typical from loyalty_challenge_target
                        where tenant_id = :tenant and challenge_id = :id and customer_id = :customer and period = :period""")
                .param("tenant", tenant.value())
                .param("id", challengeId)
                .param("customer", customer.value())
                .param("period", period)
                .query((rs, row) -> new StoredTarget(rs.getBigDecimal(1), rs.getDouble(2), rs.getBigDecimal(3)))
                .optional();
    }

    /** Stores the target unless one was set first; answers whether this one was stored. */
    boolean saveTarget(
            TenantId tenant, String challengeId, CustomerId customer, String period, StoredTarget target, Instant now) {
        return jdbc.sql("""
                                insert into loyalty_challenge_target (tenant_id, challenge_id, customer_id, period,
                                    target, probability, typical, created_at)
                                values (:tenant, :id, :customer, :period, :target, :probability, :typical, :now)
                                on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("id", challengeId)
                        .param("customer", customer.value())
                        .param("period", period)
                        .param("target", target.target())
                        .param("probability", target.probability())
                        .param("typical", target.typical())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static Challenge challenge(ResultSet rs, int row) throws SQLException {
        return new Challenge(
                rs.getString("challenge_id"),
                rs.getString("name"),
                Challenge.Kind.valueOf(rs.getString("kind")),
                rs.getDouble("stretch"),
                rs.getBigDecimal("min_target"),
                rs.getBigDecimal("max_target"),
                rs.getLong("reward_points"),
                rs.getBoolean("active"),
                rs.getString("budget_id"));
    }
}
