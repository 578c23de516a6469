package io.hearth.loyalty.internal;

import io.hearth.loyalty.ProgramOverview;
import io.hearth.loyalty.ProgramOverview.Day;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Figures of the whole program for the console: liability, daily movements, tier spread. */
@Component
public class ProgramStats {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProgramStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The overview with one entry per day of the last {@code days} days, today included. */
    public ProgramOverview overview(TenantId tenant, int days) {
        return TenantContext.call(tenant, () -> {
            long[] totals = jdbc.sql("""
                            select count(*), coalesce(sum(available), 0), coalesce(sum(pending), 0),
                                   coalesce(sum(shortfall), 0)
                            from loyalty_account""")
                    .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .single();
            return new ProgramOverview(totals[0], totals[1], totals[2], totals[3], days(days), tiers(totals[0]));
        });
    }

    private List<Day> days(int count) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<LocalDate, long[]> moved = new LinkedHashMap<>();
        for (int i = count - 1; i >= 0; i--) {
            moved.put(today.minusDays(i), new long[3]);
        }
        jdbc.sql("""
                        select (occurred_at at time zone 'UTC')::date as day,
                               coalesce(sum(points) filter (where kind in ('EARN', 'BONUS')), 0),
                               coalesce(sum(points) filter (where kind = 'REDEEM'), 0),
                               coalesce(sum(points) filter (where kind = 'EXPIRE'), 0)
                        from loyalty_transaction where occurred_at >= :since group by 1""")
                .param(
                        "since",
                        Timestamp.from(today.minusDays(count - 1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()))
                .query(rs -> {
                    long[] day = moved.get(rs.getObject(1, LocalDate.class));
                    if (day != null) {
                        day[0] = rs.getLong(2);
                        day[1] = rs.getLong(3);
                        day[2] = rs.getLong(4);
                    }
                });
        List<Day> result = new ArrayList<>();
        moved.forEach((day, figures) -> result.add(new Day(day.toString(), figures[0], figures[1], figures[2])));
        return result;
    }

    private Map<String, Long> tiers(long members) {
        Map<String, Long> spread = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.name, count(m.customer_id) from loyalty_tier t
                        left join loyalty_member_tier m on m.tenant_id = t.tenant_id and m.tier = t.name
                        group by t.name, t.threshold order by t.threshold""").query(rs -> {
            spread.put(rs.getString(1), rs.getLong(2));
        });
        long tiered = spread.values().stream().mapToLong(Long::longValue).sum();
        spread.put("", Math.max(0, members - tiered));
        return spread;
    }
}
