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

    /** Records several steps in one multi-row insert (runs started by one batch), publishing each. */
    void recordAll(java.util.List<JourneyStepExecuted> steps) {
        for (int from = 0; from < steps.size(); from += 500) {
            java.util.List<JourneyStepExecuted> chunk = steps.subList(from, Math.min(steps.size(), from + 500));
            StringBuilder sql = new StringBuilder("""
                    insert into journeys_step_log (tenant_id, run_id, journey_key, step_id, variant, outcome, reason, occurred_at)
                    values
                    """);
            java.util.Map<String, Object> params = new java.util.HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                JourneyStepExecuted step = chunk.get(i);
                sql.append(i == 0 ? "" : ",")
                        .append("(:tenant%1$d, :run%1$d, :journey%1$d, :step%1$d, :variant%1$d, :outcome%1$d,"
                                .formatted(i))
                        .append(" :reason%1$d, :at%1$d)".formatted(i));
                params.put("tenant" + i, step.tenantId().value());
                params.put("run" + i, step.runId());
                params.put("journey" + i, step.journey());
                params.put("step" + i, step.step());
                params.put("variant" + i, step.variant());
                params.put("outcome" + i, step.outcome());
                params.put("reason" + i, step.reason());
                params.put("at" + i, Timestamp.from(step.at()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        steps.forEach(events::publishEvent);
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
