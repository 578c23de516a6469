package io.hearth.loyalty.internal;

import io.hearth.loyalty.Perk;
import io.hearth.loyalty.Perk.Match;
import io.hearth.loyalty.Tier;
import io.hearth.loyalty.TierStatus;
import io.hearth.privacy.Decision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Matches perks to a member's interests, inferred from the categories their points came from (the
 * lots of their order lines): a perk matches when the share of the member's points from its
 * categories reaches its {@code minShare}. A match is stored once per member and perk, with the
 * reason, and logged in the decision log then.
 */
@Component
class Perks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "perk-interests@1";

    private final JdbcClient jdbc;
    private final Members members;
    private final Program program;
    private final LoyaltyDecisions decisions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Perks(
            JdbcClient jdbc,
            Members members,
            Program program,
            LoyaltyDecisions decisions,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.program = program;
        this.decisions = decisions;
        this.transactions = transactions;
        this.clock = clock;
    }

    Perk save(TenantId tenant, Perk perk) {
        TenantContext.run(
                tenant,
                () -> jdbc.sql("""
                        insert into loyalty_perk (tenant_id, perk_id, name, kind, interest, categories, min_share,
                            min_tier, active)
                        values (:tenant, :id, :name, :kind, :interest, cast(:categories as jsonb), :share, :tier, :active)
                        on conflict (tenant_id, perk_id) do update set name = excluded.name, kind = excluded.kind,
                            interest = excluded.interest, categories = excluded.categories,
                            min_share = excluded.min_share, min_tier = excluded.min_tier, active = excluded.active""")
                        .param("tenant", tenant.value())
                        .param("id", perk.perkId())
                        .param("name", perk.name())
                        .param("kind", perk.kind().name())
                        .param("interest", perk.interest())
                        .param("categories", JSON.writeValueAsString(perk.categories()))
                        .param("share", perk.minShare())
                        .param("tier", perk.minTier())
                        .param("active", perk.active())
                        .update());
        return perk;
    }

    List<Perk> perks(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("select * from loyalty_perk where tenant_id = :tenant order by perk_id")
                        .param("tenant", tenant.value())
                        .query((rs, row) -> new Perk(
                                rs.getString("perk_id"),
                                rs.getString("name"),
                                Perk.Kind.valueOf(rs.getString("kind")),
                                rs.getString("interest"),
                                JSON.readValue(rs.getString("categories"), new TypeReference<List<String>>() {}),
                                rs.getDouble("min_share"),
                                rs.getString("min_tier"),
                                rs.getBoolean("active")))
                        .list());
    }

    /** The active perks the member's interests and tier match, best match first. */
    List<Match> matches(TenantId tenant, CustomerId customer) {
        Map<String, Long> byCategory = pointsByCategory(tenant, customer);
        long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return List.of();
        }
        TierStatus tier = members.tier(tenant, customer);
        List<Tier> ladder = program.tiers(tenant);
        List<Match> matches = new ArrayList<>();
        for (Perk perk : perks(tenant)) {
            if (!perk.active() || !tierAllows(ladder, tier.tier(), perk.minTier())) {
                continue;
            }
            long points = perk.categories().stream()
                    .mapToLong(category -> byCategory.getOrDefault(category.toLowerCase(Locale.ROOT), 0L))
                    .sum();
            double share = (double) points / total;
            if (share >= perk.minShare()) {
                matches.add(new Match(perk, share, reason(perk, byCategory, total, share)));
            }
        }
        matches.sort((a, b) -> Double.compare(b.share(), a.share()));
        record(tenant, customer, matches);
        return matches;
    }

    private Map<String, Long> pointsByCategory(TenantId tenant, CustomerId customer) {
        Map<String, Long> points = new LinkedHashMap<>();
        TenantContext.run(
                tenant,
                () -> jdbc.sql("""
                        select lower(coalesce(category, '')) as category, sum(points) as points from loyalty_lot
                        where tenant_id = :tenant and customer_id = :customer and state <> 'REVERSED'
                          and line_id not like 'bonus:%' group by 1 order by 2 desc""")
                        .param("tenant", tenant.value())
                        .param("customer", customer.value())
                        .query(rs -> {
                            points.put(rs.getString("category"), rs.getLong("points"));
                        }));
        return points;
    }

    private static String reason(Perk perk, Map<String, Long> byCategory, long total, double share) {
        String shown = perk.categories().stream()
                .filter(category -> byCategory.containsKey(category.toLowerCase(Locale.ROOT)))
                .map(category -> "%s %.0f %%"
                        .formatted(category, 100.0 * byCategory.get(category.toLowerCase(Locale.ROOT)) / total))
                .collect(Collectors.joining(", "));
        return "%.0f %% of the member's points came from %s (%s), at least %.0f %% shows an interest in %s"
                .formatted(
                        100 * share,
                        String.join("/", perk.categories()),
                        shown,
                        100 * perk.minShare(),
                        perk.interest());
    }

    private static boolean tierAllows(List<Tier> ladder, String tier, String minTier) {
        if (minTier == null) {
            return true;
        }
        List<String> names = ladder.stream().map(Tier::name).toList();
        return tier != null && names.indexOf(tier) >= names.indexOf(minTier);
    }

    // Stored once per member and perk; the first match goes into the decision log with its reason.
    private void record(TenantId tenant, CustomerId customer, List<Match> matches) {
        if (matches.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    for (Match match : matches) {
                        int inserted = jdbc.sql("""
                                insert into loyalty_perk_match (tenant_id, customer_id, perk_id, share, reason, matched_at)
                                values (:tenant, :customer, :perk, :share, :reason, :at) on conflict do nothing""")
                                .param("tenant", tenant.value())
                                .param("customer", customer.value())
                                .param("perk", match.perk().perkId())
                                .param("share", match.share())
                                .param("reason", match.reason())
                                .param("at", Timestamp.from(now))
                                .update();
                        if (inserted == 1) {
                            ObjectNode inputs = JsonNodeFactory.instance.objectNode();
                            inputs.put("perkId", match.perk().perkId());
                            inputs.put("share", match.share());
                            decisions.record(
                                    tenant,
                                    new Decision(
                                            customer,
                                            "loyalty.perk-matched",
                                            inputs,
                                            MODEL,
                                            match.perk().perkId(),
                                            match.reason(),
                                            now));
                        }
                    }
                }));
    }
}
