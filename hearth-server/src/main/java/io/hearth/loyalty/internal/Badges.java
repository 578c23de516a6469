package io.hearth.loyalty.internal;

import io.hearth.loyalty.Badge;
import io.hearth.loyalty.Badge.Progress;
import io.hearth.loyalty.BadgeEarned;
import io.hearth.loyalty.Idempotency;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Badges and milestones: lifetime points, paid orders, and streaks of weeks (UTC, Monday to Sunday)
 * with an order. A paid order checks the member's badges; a badge reached is earned once, its points
 * credited as a {@code BONUS} keyed by badge and member in the same transaction, and announced as a
 * {@link BadgeEarned}.
 */
@Component
class Badges {

    private final JdbcClient jdbc;
    private final Members members;
    private final ProfileManagement profiles;
    private final Postings postings;
    private final MemberPoints points;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TenantCache<List<Badge>> definitions;

    Badges(
            JdbcClient jdbc,
            Members members,
            ProfileManagement profiles,
            Postings postings,
            MemberPoints points,
            TransactionTemplate transactions,
            ApplicationEventPublisher publisher,
            LoyaltySettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.profiles = profiles;
        this.postings = postings;
        this.points = points;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
        this.definitions = new TenantCache<>(settings.programCacheTtl());
    }

    Badge save(TenantId tenant, Badge badge) {
        definitions.changed(tenant);
        TenantContext.run(
                tenant,
                () -> jdbc.sql("""
                        insert into loyalty_badge (tenant_id, badge_id, name, kind, threshold, reward_points, active)
                        values (:tenant, :id, :name, :kind, :threshold, :points, :active)
                        on conflict (tenant_id, badge_id) do update set name = excluded.name, kind = excluded.kind,
                            threshold = excluded.threshold, reward_points = excluded.reward_points,
                            active = excluded.active""")
                        .param("tenant", tenant.value())
                        .param("id", badge.badgeId())
                        .param("name", badge.name())
                        .param("kind", badge.kind().name())
                        .param("threshold", badge.threshold())
                        .param("points", badge.rewardPoints())
                        .param("active", badge.active())
                        .update());
        return badge;
    }

    /** From memory (see {@link TenantCache}): every paid order asks for the active badges. */
    List<Badge> badges(TenantId tenant) {
        return definitions.get(tenant, () -> List.copyOf(load(tenant)));
    }

    private List<Badge> load(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql(
                                "select * from loyalty_badge where tenant_id = :tenant order by kind, threshold, badge_id")
                        .param("tenant", tenant.value())
                        .query((rs, row) -> new Badge(
                                rs.getString("badge_id"),
                                rs.getString("name"),
                                Badge.Kind.valueOf(rs.getString("kind")),
                                rs.getLong("threshold"),
                                rs.getLong("reward_points"),
                                rs.getBoolean("active")))
                        .list());
    }

    /** The member's standing on every active badge; with {@code award}, the ones reached are earned. */
    List<Progress> progress(TenantId tenant, CustomerId customer, boolean award) {
        List<Badge> active = badges(tenant).stream().filter(Badge::active).toList();
        if (active.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Badge.Kind, Long> figures = figures(tenant, customer, now);
        Map<String, Instant> earned = earned(tenant, customer);
        List<Progress> progress = new ArrayList<>();
        for (Badge badge : active) {
            long value = figures.get(badge.kind());
            Instant at = earned.get(badge.badgeId());
            if (at == null && award && value >= badge.threshold()) {
                at = earn(tenant, customer, badge, value, now);
            }
            progress.add(new Progress(badge, value, at));
        }
        return progress;
    }

    private Map<Badge.Kind, Long> figures(TenantId tenant, CustomerId customer, Instant now) {
        // A member known only to the ledger (points through the API) has no orders in a profile.
        List<CustomerOrder> known =
                profiles.profile(tenant, customer).isPresent() ? profiles.orders(tenant, customer) : List.of();
        List<CustomerOrder> orders = known.stream()
                .filter(order -> order.status() != OrderStatus.CANCELLED && order.status() != OrderStatus.REFUNDED)
                .filter(order -> order.placedAt() != null)
                .toList();
        Map<Badge.Kind, Long> figures = new HashMap<>();
        figures.put(
                Badge.Kind.LIFETIME_POINTS, members.balance(tenant, customer).lifetimeEarned());
        figures.put(Badge.Kind.ORDERS, (long) orders.size());
        figures.put(
                Badge.Kind.WEEKLY_STREAK,
                weeklyStreak(orders.stream().map(CustomerOrder::placedAt).toList(), now));
        return figures;
    }

    /**
     * Weeks in a row with an order, ending this week, or last week when this one has none yet (a
     * streak is not broken before its week is over).
     */
    static long weeklyStreak(Collection<Instant> orders, Instant now) {
        Set<LocalDate> weeks = new TreeSet<>();
        for (Instant order : orders) {
            weeks.add(monday(order));
        }
        LocalDate week = monday(now);
        if (!weeks.contains(week)) {
            week = week.minusWeeks(1);
        }
        long streak = 0;
        while (weeks.contains(week)) {
            streak++;
            week = week.minusWeeks(1);
        }
        return streak;
    }

    private static LocalDate monday(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Map<String, Instant> earned(TenantId tenant, CustomerId customer) {
        Map<String, Instant> earned = new HashMap<>();
        TenantContext.run(
                tenant,
                () -> jdbc.sql(
                                "select badge_id, earned_at from loyalty_member_badge where tenant_id = :tenant and customer_id = :customer")
                        .param("tenant", tenant.value())
                        .param("customer", customer.value())
                        .query(rs -> {
                            earned.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                        }));
        return earned;
    }

    // The badge row and its points commit together; a racing second award finds the row and pays nothing.
    private Instant earn(TenantId tenant, CustomerId customer, Badge badge, long value, Instant now) {
        String reference = "badge:" + badge.badgeId();
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        boolean first = Boolean.TRUE.equals(TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    int inserted = jdbc.sql("""
                            insert into loyalty_member_badge (tenant_id, customer_id, badge_id, value, earned_at)
                            values (:tenant, :customer, :badge, :value, :at) on conflict do nothing""")
                            .param("tenant", tenant.value())
                            .param("customer", customer.value())
                            .param("badge", badge.badgeId())
                            .param("value", value)
                            .param("at", Timestamp.from(at))
                            .update();
                    if (inserted == 0) {
                        return false;
                    }
                    String reason = "%s: %d %s, %d needed"
                            .formatted(badge.name(), value, unit(badge.kind()), badge.threshold());
                    postings.post(
                            tenant,
                            customer,
                            new Idempotency(reference + ":" + customer.value(), "badge"),
                            (account, id, postedAt) -> points.award(
                                    tenant, account, id, badge.rewardPoints(), reference, reason, postedAt));
                    return true;
                })));
        if (first) {
            publisher.publishEvent(new BadgeEarned(tenant, customer, badge.badgeId(), value, badge.rewardPoints(), at));
        }
        return earned(tenant, customer).getOrDefault(badge.badgeId(), at);
    }

    private static String unit(Badge.Kind kind) {
        return switch (kind) {
            case LIFETIME_POINTS -> "lifetime points";
            case ORDERS -> "orders";
            case WEEKLY_STREAK -> "weeks in a row with an order";
        };
    }
}
