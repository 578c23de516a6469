package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Trigger;
import io.hearth.segments.MemberPage;
import io.hearth.segments.SegmentId;
import io.hearth.segments.SegmentManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Schedule triggers: a row per schedule-triggered journey says when it fires next. A recurring
 * db-scheduler task (one node at a time) fires the due ones by the injected clock: every member of
 * the audience segment enters, with an entry key of the firing time and the customer, so a firing
 * that a crash interrupted enters everyone again without entering anyone twice; only then does the
 * schedule move on. Missed times (a node down over several of them) fire once, not once each.
 */
@Component
class Schedules {

    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
    private static final int PAGE = 1_000;

    private final JdbcClient jdbc;
    private final Definitions definitions;
    private final Entries entries;
    private final SegmentManagement segments;
    private final Clock clock;

    Schedules(JdbcClient jdbc, Definitions definitions, Entries entries, SegmentManagement segments, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.entries = entries;
        this.segments = segments;
        this.clock = clock;
    }

    /** A standard five-field cron expression (minute hour day-of-month month day-of-week). */
    static Optional<CronExpression> cron(String fiveFields) {
        String[] fields = fiveFields.trim().split("\\s+");
        if (fields.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(CronExpression.parse("0 " + String.join(" ", fields)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static @Nullable Instant next(Trigger.OnSchedule schedule, Instant after) {
        ZonedDateTime next = cron(schedule.cron()).orElseThrow().next(after.atZone(schedule.zone()));
        return next == null ? null : next.toInstant();
    }

    /** Fires every due schedule; called by the recurring task. */
    void fireDue() {
        Instant now = clock.instant();
        jdbc.sql("select tenant_id, journey_key, next_at from journeys_due_schedules(:now)")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Due(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getString("journey_key"),
                        rs.getTimestamp("next_at").toInstant()))
                .list()
                .forEach(due -> {
                    try {
                        fire(due, now);
                    } catch (RuntimeException e) {
                        // One tenant's broken audience must not hold back everyone else's schedule.
                        LOG.warn(
                                "Schedule of journey {} of tenant {} failed; it is tried again",
                                due.journey(),
                                due.tenant(),
                                e);
                    }
                });
    }

    private void fire(Due due, Instant now) {
        Optional<JourneyVersion> journey = definitions.latest(due.tenant(), due.journey());
        if (journey.isEmpty() || !(journey.get().definition().trigger() instanceof Trigger.OnSchedule schedule)) {
            return;
        }
        Map<String, Object> context = Map.of("scheduledAt", due.at().toString());
        int entered = 0;
        CustomerId after = null;
        do {
            MemberPage page = segments.members(due.tenant(), new SegmentId(schedule.segment()), PAGE, after);
            for (CustomerId customer : page.customers()) {
                entries.enter(
                        due.tenant(),
                        journey.get(),
                        customer,
                        "schedule:" + due.at() + ":" + customer.value(),
                        context);
                entered++;
            }
            after = page.next() == null ? null : new CustomerId(page.next());
        } while (after != null);
        Instant next = next(schedule, now);
        TenantContext.run(
                due.tenant(),
                () -> jdbc.sql("""
                        update journeys_schedule set last_fired_at = :fired, next_at = coalesce(cast(:next as timestamptz), 'infinity')
                        where tenant_id = :tenant and journey_key = :journey and next_at = :due
                        """)
                        .param("tenant", due.tenant().value())
                        .param("journey", due.journey())
                        .param("fired", Timestamp.from(due.at()))
                        .param("next", next == null ? null : Timestamp.from(next))
                        .param("due", Timestamp.from(due.at()))
                        .update());
        LOG.info("Schedule of journey {} fired for {} member(s)", due.journey(), entered);
    }

    private record Due(TenantId tenant, String journey, Instant at) {}
}
