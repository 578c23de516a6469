package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules;
import io.hearth.loyalty.RulesVersion;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Earn rules, one row per version; the highest version is in force. */
@Repository
class RuleStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TenantCache<RulesVersion> current;

    RuleStore(JdbcClient jdbc, LoyaltySettings settings) {
        this.jdbc = jdbc;
        this.current = new TenantCache<>(settings.programCacheTtl());
    }

    /** The version in force; from memory (see {@link TenantCache}), as every earn needs it. */
    RulesVersion current(TenantId tenant) {
        return current.get(tenant, () -> load(tenant));
    }

    private RulesVersion load(TenantId tenant) {
        return jdbc.sql("""
                        select version, rules, created_at from loyalty_earn_rules where tenant_id = :tenant
                        order by version desc limit 1""")
                .param("tenant", tenant.value())
                .query((rs, row) -> versioned(
                        rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional()
                .orElseGet(() -> new RulesVersion(0, EarnRules.defaults(), Instant.EPOCH));
    }

    Optional<RulesVersion> version(TenantId tenant, int version) {
        return jdbc.sql(
                        "select version, rules, created_at from loyalty_earn_rules where tenant_id = :tenant and version = :v")
                .param("tenant", tenant.value())
                .param("v", version)
                .query((rs, row) -> versioned(
                        rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    List<RulesVersion> versions(TenantId tenant) {
        return jdbc.sql(
                        "select version, rules, created_at from loyalty_earn_rules where tenant_id = :tenant order by version")
                .param("tenant", tenant.value())
                .query((rs, row) -> versioned(
                        rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Saves the rules as the next version; two saves at once cannot take the same number. */
    RulesVersion save(TenantId tenant, EarnRules rules, String actor, Instant now) {
        current.changed(tenant);
        int version = jdbc.sql("""
                        insert into loyalty_earn_rules (tenant_id, version, rules, actor, created_at)
                        select :tenant, coalesce(max(version), 0) + 1, cast(:rules as jsonb), :actor, :now
                        from loyalty_earn_rules where tenant_id = :tenant returning version""")
                .param("tenant", tenant.value())
                .param("rules", JSON.writeValueAsString(rules))
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
        return new RulesVersion(version, rules, now);
    }

    private static RulesVersion versioned(int version, String json, Instant createdAt) {
        return new RulesVersion(version, JSON.readValue(json, EarnRules.class), createdAt);
    }
}
