package io.hearth.journeys.internal;

import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The durable timers: runs whose {@code due_at} has passed by the injected clock are advanced. The
 * timers are rows of {@code journeys_run}, not db-scheduler executions, because db-scheduler reads
 * the system clock while journeys must follow the injected one (tests move it by days); the row lock
 * taken by the engine keeps several nodes from advancing one run.
 */
@Component
class JourneyTimers {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JourneyEngine engine;
    private final Clock clock;

    JourneyTimers(JdbcClient jdbc, JourneyEngine engine, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.journeys.timer-check:PT1S}")
    void advanceDue() {
        int advanced;
        do {
            advanced = jdbc
                    .sql("select tenant_id, run_id from journeys_due_runs(:now, :limit)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("limit", BATCH)
                    .query((rs, row) -> new Due(
                            new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("run_id", UUID.class)))
                    .list()
                    .stream()
                    .peek(due -> engine.advance(due.tenant(), due.run()))
                    .toList()
                    .size();
        } while (advanced == BATCH);
    }

    private record Due(TenantId tenant, UUID run) {}
}
