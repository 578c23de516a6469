package io.hearth.loyalty.internal;

import io.hearth.loyalty.FairnessReport;
import io.hearth.loyalty.FairnessReport.Group;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fairness report: offers and challenge targets per group of members, in one query, with
 * disparate-impact ratios against the best-served group.
 */
@Component
public class Fairness {

    static final double FOUR_FIFTHS = 0.8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BY_TIER = """
            select a.customer_id, coalesce(t.tier, '(no tier)') as grp from loyalty_account a
            left join loyalty_member_tier t on t.tenant_id = a.tenant_id and t.customer_id = a.customer_id
            where a.tenant_id = :tenant""";
    private static final String SUPPLIED =
            "select key as customer_id, value as grp from jsonb_each_text(cast(:groups as jsonb))";

    private final JdbcClient jdbc;

    Fairness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By tier when {@code groups} is null, otherwise by the supplied group of each customer id. */
    public FairnessReport report(TenantId tenant, Instant since, @Nullable Map<String, String> groups) {
        List<Group> rows = TenantContext.call(
                tenant,
                () -> jdbc.sql("with members as (" + (groups == null ? BY_TIER : SUPPLIED) + """
                        ),
                        offers as (
                            select customer_id, count(*) as n, sum(cost) as value from loyalty_offer
                            where tenant_id = :tenant and chosen_at >= :since group by customer_id),
                        targets as (
                            select t.customer_id, count(*) as n, sum(t.target) as target, sum(t.probability) as p,
                                   count(x.transaction_id) as done, coalesce(sum(x.points), 0) as points
                            from loyalty_challenge_target t
                            left join loyalty_transaction x on x.tenant_id = t.tenant_id and x.customer_id = t.customer_id
                                 and x.kind = 'BONUS' and x.reference = 'challenge:' || t.challenge_id || ':' || t.period
                            where t.tenant_id = :tenant and t.created_at >= :since group by t.customer_id)
                        select m.grp, count(*) as members, count(o.customer_id) as offered,
                               coalesce(sum(o.n), 0) as offers, coalesce(sum(o.value), 0) as value,
                               coalesce(sum(t.n), 0) as targets, coalesce(sum(t.target), 0) as target_sum,
                               coalesce(sum(t.p), 0) as p_sum, coalesce(sum(t.done), 0) as done,
                               coalesce(sum(t.points), 0) as points
                        from members m left join offers o using (customer_id) left join targets t using (customer_id)
                        group by m.grp order by m.grp""")
                        .param("tenant", tenant.value())
                        .param("since", Timestamp.from(since))
                        .param("groups", groups == null ? "{}" : JSON.writeValueAsString(groups))
                        .query((rs, row) -> {
                            long members = rs.getLong("members");
                            long targets = rs.getLong("targets");
                            long done = rs.getLong("done");
                            return new Group(
                                    rs.getString("grp"),
                                    members,
                                    rs.getLong("offered"),
                                    members == 0 ? 0 : (double) rs.getLong("offered") / members,
                                    rs.getLong("offers"),
                                    rs.getBigDecimal("value"),
                                    targets,
                                    targets == 0
                                            ? 0
                                            : rs.getBigDecimal("target_sum").doubleValue() / targets,
                                    targets == 0 ? 0 : rs.getDouble("p_sum") / targets,
                                    done,
                                    targets == 0 ? 0 : (double) done / targets,
                                    rs.getLong("points"),
                                    0,
                                    0);
                        })
                        .list());
        return withRatios(since, groups == null ? "tier" : "supplied", rows);
    }

    private static FairnessReport withRatios(Instant since, String groupedBy, List<Group> rows) {
        double bestOffer = rows.stream().mapToDouble(Group::offerRate).max().orElse(0);
        double bestCompletion = rows.stream()
                .filter(g -> g.targets() > 0)
                .mapToDouble(Group::completionRate)
                .max()
                .orElse(0);
        List<Group> groups = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (Group g : rows) {
            double offerRatio = bestOffer == 0 ? 1 : g.offerRate() / bestOffer;
            double completionRatio = bestCompletion == 0 || g.targets() == 0 ? 1 : g.completionRate() / bestCompletion;
            groups.add(new Group(
                    g.group(),
                    g.members(),
                    g.offered(),
                    g.offerRate(),
                    g.offers(),
                    g.offerValue() == null ? BigDecimal.ZERO : g.offerValue(),
                    g.targets(),
                    g.meanTarget(),
                    g.meanProbability(),
                    g.completed(),
                    g.completionRate(),
                    g.challengePoints(),
                    offerRatio,
                    completionRatio));
            if (offerRatio < FOUR_FIFTHS) {
                below.add(g.group() + ": offers " + String.format(java.util.Locale.ROOT, "%.2f", offerRatio));
            }
            if (completionRatio < FOUR_FIFTHS) {
                below.add(g.group() + ": challenge completion "
                        + String.format(java.util.Locale.ROOT, "%.2f", completionRatio));
            }
        }
        return new FairnessReport(
                since,
                groupedBy,
                groups,
                groups.stream().mapToDouble(Group::offerRateRatio).min().orElse(1),
                groups.stream().mapToDouble(Group::completionRateRatio).min().orElse(1),
                below);
    }
}
