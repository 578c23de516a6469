package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes what a run did per step (what measurement counts) and publishes it, in the run's transaction. */
@Component
class StepLog {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StepLog(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void record(JourneyStepExecuted step) {
        jdbc.sql("""
                insert into journeys_step_log (tenant_id, run_id, journey_key, step_id, variant, outcome, reason, occurred_at)
                values (:tenant, :run, :journey, :step, :variant, :outcome, :reason, :at)
                """)
                .param("tenant", step.tenantId().value())
                .param("run", step.runId())
                .param("journey", step.journey())
                .param("step", step.step())
                .param("variant", step.variant())
                .param("outcome", step.outcome())
                .param("reason", step.reason())
                .param("at", Timestamp.from(step.at()))
                .update();
        events.publishEvent(step);
    }

    /** Counts per step and outcome (and reason) for one journey. */
    java.util.List<StepCount> counts(TenantId tenant, String journey) {
        return jdbc.sql("""
                select step_id, outcome, reason, count(*) as n from journeys_step_log
                where tenant_id = :tenant and journey_key = :journey group by 1, 2, 3 order by 1, 2, 3
                """)
                .param("tenant", tenant.value())
                .param("journey", journey)
                .query((rs, row) -> new StepCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    record StepCount(
            String step,
            String outcome,
            @org.jspecify.annotations.Nullable String reason,
            long count) {}
}
