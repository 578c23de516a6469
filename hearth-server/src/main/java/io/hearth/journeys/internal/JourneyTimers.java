package io.hearth.journeys.internal;

import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /**
     * Due runs advanced at once. An advance spends most of its time waiting on the database (its
     * row lock, reads, commits), so a few at a time drain a crowd of due runs faster than one; each
     * holds a pooled connection (two while a send commits), which bounds how many.
     */
    private static final int PARALLEL = 3;

    private static final Logger log = LoggerFactory.getLogger(JourneyTimers.class);

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
        List<Due> due;
        int failed;
        do {
            due = jdbc.sql("select tenant_id, run_id from journeys_due_runs(:now, :limit)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("limit", BATCH)
                    .query((rs, row) -> new Due(
                            new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("run_id", UUID.class)))
                    .list();
            failed = advance(due);
            // Runs that failed stay due: reading again at once would find them first and spin.
        } while (due.size() == BATCH && failed == 0);
    }

    /**
     * Advances the runs on a few threads and returns when all are done (so the next read sees their
     * new due times), answering how many failed.
     */
    private int advance(List<Due> due) {
        Semaphore slots = new Semaphore(PARALLEL);
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Due run : due) {
                slots.acquireUninterruptibly();
                workers.submit(() -> {
                    try {
                        engine.advance(run.tenant(), run.run());
                    } catch (RuntimeException e) {
                        // One run failing must not hold up the others; it stays due and is tried again.
                        failed.incrementAndGet();
                        log.warn("advancing run {} failed", run.run(), e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return failed.get();
    }

    private record Due(TenantId tenant, UUID run) {}
}
