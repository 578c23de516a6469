package io.hearth.loyalty.internal;

import io.hearth.loyalty.Badge;
import io.hearth.loyalty.BadgeStanding;
import io.hearth.loyalty.ChallengeStanding;
import io.hearth.loyalty.OfferArm;
import io.hearth.loyalty.OfferArmStats;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Program-wide figures of the offer arms and the badges, for the console and the admin API. */
@Repository
public class EngagementStats {

    private final JdbcClient jdbc;
    private final OfferStore offers;
    private final Badges badges;
    private final ChallengeStore challenges;
    private final Clock clock;

    EngagementStats(JdbcClient jdbc, OfferStore offers, Badges badges, ChallengeStore challenges, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.offers = offers;
        this.badges = badges;
        this.challenges = challenges;
    }

    private record TargetFigures(long targets, long completed, double meanProbability) {}

    /** Every challenge with its targets and completions in the current month (UTC). */
    public List<ChallengeStanding> challenges(TenantId tenant) {
        String period = YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
        return TenantContext.call(tenant, () -> {
            Map<String, TargetFigures> figures = jdbc
                    .sql("""
                            select t.challenge_id, count(*), count(a.customer_id), avg(t.probability)
                            from loyalty_challenge_target t
                            left join lateral (
                                select x.customer_id from loyalty_transaction x
                                where x.tenant_id = t.tenant_id and x.customer_id = t.customer_id
                                    and x.kind = 'BONUS'
                                    and x.reference = 'challenge:' || t.challenge_id || ':' || t.period
                                limit 1) a on true
                            where t.tenant_id = :tenant and t.period = :period
                            group by t.challenge_id""")
                    .param("tenant", tenant.value())
                    .param("period", period)
                    .query((rs, row) -> Map.entry(
                            rs.getString(1), new TargetFigures(rs.getLong(2), rs.getLong(3), rs.getDouble(4))))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return challenges.challenges(tenant, false).stream()
                    .map(challenge -> {
                        TargetFigures figure =
                                figures.getOrDefault(challenge.challengeId(), new TargetFigures(0, 0, 0));
                        return new ChallengeStanding(
                                challenge, period, figure.targets(), figure.completed(), figure.meanProbability());
                    })
                    .toList();
        });
    }

    private record ArmFigures(long offers, long responses, double rewardSum) {}

    private record BadgeFigures(long members, long points, Timestamp last) {}

    /** Every arm in its order, with its offers and responses so far (an arm never offered has zeros). */
    public List<OfferArmStats> offerArms(TenantId tenant) {
        return TenantContext.call(tenant, () -> {
            Map<String, ArmFigures> figures = jdbc
                    .sql("""
                            select arm, count(*), count(reward), coalesce(sum(reward), 0) from loyalty_offer
                            where tenant_id = :tenant group by arm""")
                    .param("tenant", tenant.value())
                    .query((rs, row) ->
                            Map.entry(rs.getString(1), new ArmFigures(rs.getLong(2), rs.getLong(3), rs.getDouble(4))))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return offers.arms(tenant).stream()
                    .map(arm -> stats(arm, figures.getOrDefault(arm.name(), new ArmFigures(0, 0, 0))))
                    .toList();
        });
    }

    private static OfferArmStats stats(OfferArm arm, ArmFigures figures) {
        return new OfferArmStats(
                arm,
                figures.offers(),
                figures.responses(),
                figures.rewardSum(),
                figures.responses() == 0 ? 0 : figures.rewardSum() / figures.responses());
    }

    /** Every badge with the members who earned it and the points it paid them. */
    public List<BadgeStanding> badges(TenantId tenant) {
        List<Badge> all = badges.badges(tenant);
        return TenantContext.call(tenant, () -> {
            Map<String, BadgeFigures> figures = jdbc
                    .sql("""
                            select m.badge_id, count(*), coalesce(sum(t.points), 0), max(m.earned_at)
                            from loyalty_member_badge m
                            left join loyalty_transaction t on t.tenant_id = m.tenant_id
                                and t.customer_id = m.customer_id and t.kind = 'BONUS'
                                and t.reference = 'badge:' || m.badge_id
                            where m.tenant_id = :tenant group by m.badge_id""")
                    .param("tenant", tenant.value())
                    .query((rs, row) -> Map.entry(
                            rs.getString(1), new BadgeFigures(rs.getLong(2), rs.getLong(3), rs.getTimestamp(4))))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return all.stream()
                    .map(badge -> {
                        BadgeFigures figure = figures.get(badge.badgeId());
                        return figure == null
                                ? new BadgeStanding(badge, 0, 0, null)
                                : new BadgeStanding(
                                        badge,
                                        figure.members(),
                                        figure.points(),
                                        figure.last().toInstant());
                    })
                    .toList();
        });
    }
}
