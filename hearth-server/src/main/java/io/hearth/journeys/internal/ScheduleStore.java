package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.Trigger;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The schedule row of each schedule-triggered journey: when it fires next. */
@Repository
class ScheduleStore {

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the journey's schedule row in step with its newest version, in the publishing transaction. */
    void published(TenantId tenant, JourneyDefinition journey, Instant now) {
        Instant next = journey.trigger() instanceof Trigger.OnSchedule schedule ? Schedules.next(schedule, now) : null;
        if (next == null) {
            jdbc.sql("delete from journeys_schedule where tenant_id = :tenant and journey_key = :journey")
                    .param("tenant", tenant.value())
                    .param("journey", journey.key())
                    .update();
            return;
        }
        jdbc.sql("""
                insert into journeys_schedule (tenant_id, journey_key, next_at) values (:tenant, :journey, :next)
                on conflict (tenant_id, journey_key) do update set next_at = excluded.next_at
                """)
                .param("tenant", tenant.value())
                .param("journey", journey.key())
                .param("next", Timestamp.from(next))
                .update();
    }
}
