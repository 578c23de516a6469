package io.hearth.ingestion.internal;

import io.hearth.ingestion.MinuteCount;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts a tenant's events per minute of the time they happened. Minutes without events are listed
 * with zero, so a chart needs no gap filling.
 */
@Component
public class EventRate {

    /** A day of minutes: enough for any chart, small enough to answer from the time index. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    private final JdbcClient jdbc;

    EventRate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MinuteCount> perMinute(TenantId tenant, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        if (to.isBefore(start) || Duration.between(start, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the window must run forwards and last at most " + MAX_WINDOW);
        }
        Map<Instant, Long> counted = TenantContext.call(tenant, () -> counts(start, to));
        List<MinuteCount> minutes = new ArrayList<>();
        for (Instant minute = start; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            minutes.add(new MinuteCount(minute, counted.getOrDefault(minute, 0L)));
        }
        return minutes;
    }

    private Map<Instant, Long> counts(Instant start, Instant to) {
        Map<Instant, Long> counted = new HashMap<>();
        jdbc.sql("""
                        select date_trunc('minute', occurred_at) as minute, count(*) as events
                        from ingestion_event
                        where occurred_at >= :from and occurred_at < :to
                        group by 1
                        """)
                .param("from", Timestamp.from(start))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> counted.put(
                        rs.getTimestamp("minute").toInstant().truncatedTo(ChronoUnit.MINUTES), rs.getLong("events")))
                .list();
        return counted;
    }
}
