package io.hearth.loyalty.internal;

import io.hearth.loyalty.Tier;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tier definitions and each member's current tier. */
@Repository
class TierStore {

    private final JdbcClient jdbc;
    private final TenantCache<List<Tier>> ladders;

    TierStore(JdbcClient jdbc, LoyaltySettings settings) {
        this.jdbc = jdbc;
        this.ladders = new TenantCache<>(settings.programCacheTtl());
    }

    /** A member's tier row: the tier, since when, and since when they are below it (grace). */
    record MemberTier(String tier, Instant since, @Nullable Instant belowSince) {}

    /** The tiers, lowest threshold first; from memory (see {@link TenantCache}), as every movement needs them. */
    List<Tier> tiers(TenantId tenant) {
        return ladders.get(tenant, () -> load(tenant));
    }

    private List<Tier> load(TenantId tenant) {
        return List.copyOf(
                jdbc.sql("select name, threshold from loyalty_tier where tenant_id = :tenant order by threshold")
                        .param("tenant", tenant.value())
                        .query((rs, row) -> new Tier(rs.getString(1), rs.getLong(2)))
                        .list());
    }

    void replace(TenantId tenant, List<Tier> tiers) {
        ladders.changed(tenant);
        jdbc.sql("delete from loyalty_tier where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .update();
        for (Tier tier : tiers) {
            jdbc.sql("insert into loyalty_tier (tenant_id, name, threshold) values (:tenant, :name, :threshold)")
                    .param("tenant", tenant.value())
                    .param("name", tier.name())
                    .param("threshold", tier.threshold())
                    .update();
        }
    }

    Optional<MemberTier> memberTier(TenantId tenant, CustomerId customer) {
        return jdbc.sql("""
                        select tier, since, below_since from loyalty_member_tier
                        where tenant_id = :tenant and customer_id = :customer""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query((rs, row) -> {
                    Timestamp below = rs.getTimestamp(3);
                    return new MemberTier(
                            rs.getString(1), rs.getTimestamp(2).toInstant(), below == null ? null : below.toInstant());
                })
                .optional();
    }

    void save(TenantId tenant, CustomerId customer, MemberTier tier, Instant now) {
        jdbc.sql("""
                        insert into loyalty_member_tier (tenant_id, customer_id, tier, since, below_since, evaluated_at)
                        values (:tenant, :customer, :tier, :since, :below, :now)
                        on conflict (tenant_id, customer_id) do update
                        set tier = excluded.tier, since = excluded.since, below_since = excluded.below_since,
                            evaluated_at = excluded.evaluated_at""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("tier", tier.tier())
                .param("since", Timestamp.from(tier.since()))
                .param("below", tier.belowSince() == null ? null : Timestamp.from(tier.belowSince()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void remove(TenantId tenant, CustomerId customer) {
        jdbc.sql("delete from loyalty_member_tier where tenant_id = :tenant and customer_id = :customer")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .update();
    }
}
