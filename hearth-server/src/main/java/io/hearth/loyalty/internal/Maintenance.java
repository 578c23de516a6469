package io.hearth.loyalty.internal;

import io.hearth.loyalty.ProgramOverview;
import io.hearth.loyalty.Reconciliation;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The time-driven work of the program, as of a given instant: expiring lots, reminders before they
 * expire, downgrades after the grace period, reconciliation, and the program's figures. The recurring jobs call it with the
 * clock's time; tests call it with a later one instead of waiting.
 */
@Component
public class Maintenance {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Expiry expiry;
    private final Reconciler reconciler;
    private final TierDowngrades downgrades;
    private final Duration reminder;
    private final ProgramStats stats;

    Maintenance(
            JdbcClient jdbc,
            Expiry expiry,
            Reconciler reconciler,
            TierDowngrades downgrades,
            LoyaltySettings settings,
            ProgramStats stats) {
        this.stats = stats;
        this.jdbc = jdbc;
        this.expiry = expiry;
        this.reconciler = reconciler;
        this.downgrades = downgrades;
        this.reminder = settings.expiryReminder();
    }

    /** Expires, reminds and downgrades across all tenants as of {@code now}; answers the points expired. */
    public long run(Instant now) {
        return run(null, now);
    }

    /** The same for one tenant only, or for all when {@code tenant} is null. */
    public long run(@Nullable TenantId tenant, Instant now) {
        long expired = 0;
        for (Due due :
                due("select * from loyalty_due_lots(cast(:tenant as uuid), :now, :horizon, :limit)", tenant, now)) {
            expired += expiry.run(due.tenant(), due.customer(), now);
        }
        for (Due due : due(
                "select * from loyalty_due_downgrades(cast(:tenant as uuid), :before, :stale, :limit)", tenant, now)) {
            downgrades.evaluate(due.tenant(), due.customer(), now);
        }
        return expired;
    }

    public ProgramOverview overview(TenantId tenant, int days) {
        return stats.overview(tenant, days);
    }

    public Reconciliation reconcile(TenantId tenant) {
        return reconciler.reconcile(tenant);
    }

    /** Reconciles every tenant with loyalty accounts; answers the reports that found a difference. */
    public List<Reconciliation> reconcileAll() {
        return reconciler.tenants().stream()
                .map(reconciler::reconcile)
                .filter(report -> !report.clean())
                .toList();
    }

    private record Due(TenantId tenant, CustomerId customer) {}

    private List<Due> due(String sql, @Nullable TenantId tenant, Instant now) {
        var statement = jdbc.sql(sql)
                .param("tenant", tenant == null ? null : tenant.value())
                .param("limit", BATCH);
        if (sql.contains(":horizon")) {
            statement =
                    statement.param("now", Timestamp.from(now)).param("horizon", Timestamp.from(now.plus(reminder)));
        } else {
            statement = statement
                    .param("before", Timestamp.from(now.minus(downgrades.grace())))
                    .param("stale", Timestamp.from(now.minus(Duration.ofDays(1))));
        }
        return statement
                .query((rs, row) -> new Due(new TenantId(rs.getObject(1, UUID.class)), CustomerId.of(rs.getString(2))))
                .list();
    }
}
