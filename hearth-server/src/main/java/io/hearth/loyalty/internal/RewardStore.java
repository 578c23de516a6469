package io.hearth.loyalty.internal;

import io.hearth.loyalty.Reward;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rewards catalogue. */
@Repository
class RewardStore {

    private final JdbcClient jdbc;
    private final TenantCache<List<Reward>> catalogues;

    RewardStore(JdbcClient jdbc, LoyaltySettings settings) {
        this.jdbc = jdbc;
        this.catalogues = new TenantCache<>(settings.programCacheTtl());
    }

    void save(TenantId tenant, Reward reward, Instant now) {
        catalogues.changed(tenant);
        jdbc.sql("""
                        insert into loyalty_reward (tenant_id, reward_id, name, kind, cost, active, min_tier, created_at)
                        values (:tenant, :id, :name, :kind, :cost, :active, :minTier, :now)
                        on conflict (tenant_id, reward_id) do update set name = excluded.name, kind = excluded.kind,
                            cost = excluded.cost, active = excluded.active, min_tier = excluded.min_tier""")
                .param("tenant", tenant.value())
                .param("id", reward.rewardId())
                .param("name", reward.name())
                .param("kind", reward.kind())
                .param("cost", reward.cost())
                .param("active", reward.active())
                .param("minTier", reward.minTier())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** From memory (see {@link TenantCache}), as every redemption needs it. */
    Optional<Reward> reward(TenantId tenant, String rewardId) {
        return rewards(tenant).stream()
                .filter(reward -> reward.rewardId().equals(rewardId))
                .findFirst();
    }

    /** Every reward, cheapest first; from memory (see {@link TenantCache}). */
    List<Reward> rewards(TenantId tenant) {
        return catalogues.get(tenant, () -> load(tenant));
    }

    private List<Reward> load(TenantId tenant) {
        return List.copyOf(jdbc.sql("select * from loyalty_reward where tenant_id = :tenant order by cost, reward_id")
                .param("tenant", tenant.value())
                .query(RewardStore::reward)
                .list());
    }

    private static Reward reward(ResultSet rs, int row) throws SQLException {
        return new Reward(
                rs.getString("reward_id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getLong("cost"),
                rs.getBoolean("active"),
                rs.getString("min_tier"));
    }
}
