package io.hearth.profiles.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant's RFM quintile boundaries over its buying customers. Computing them scans the tenant's
 * profiles, so they are cached for five minutes: a score may lag the distribution by that much.
 */
@Component
class RfmQuintiles {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<TenantId, Cached> cache = new ConcurrentHashMap<>();

    RfmQuintiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Boundaries of the tenant of the current context. */
    Boundaries current() {
        TenantId tenant = TenantContext.require();
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.boundaries();
        }
        Boundaries fresh = compute();
        cache.put(tenant, new Cached(fresh, now.plus(TTL)));
        return fresh;
    }

    /** 1 + the number of boundaries the value is above: 1 (lowest fifth) to 5 (highest). */
    static int score(double[] boundaries, double value) {
        int score = 1;
        for (double boundary : boundaries) {
            if (value > boundary) {
                score++;
            }
        }
        return score;
    }

    private Boundaries compute() {
        return jdbc.sql("""
                select percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by extract(epoch from last_order_at)),
                       percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by orders_count),
                       percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by revenue)
                from profiles_customer where merged_into is null and orders_count > 0
                """)
                .query((rs, row) ->
                        new Boundaries(doubles(rs.getArray(1)), doubles(rs.getArray(2)), doubles(rs.getArray(3))))
                .single();
    }

    private static double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return new double[0];
        }
        Double[] values = (Double[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    record Boundaries(double[] recency, double[] frequency, double[] monetary) {}

    private record Cached(Boundaries boundaries, Instant expires) {}
}
