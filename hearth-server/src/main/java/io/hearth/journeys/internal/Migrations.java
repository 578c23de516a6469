package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.JourneysProblem;
import io.hearth.journeys.MigrationResult;
import io.hearth.journeys.Step;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves runs in flight to the journey's newest version, only when asked: a run moves when the step
 * it is on exists in the new version under the same id or under the id the request maps it to; its
 * timers (a wait's deadline, a wait-for-event's timeout) move with it. The others finish on the
 * version they started on. One statement per mapped step and one for the rest, each writing a
 * {@code _migration} entry per moved run to the step log; a run being advanced at the moment is
 * moved as soon as its advance commits (the update waits for its row lock).
 */
@Component
class Migrations {

    private static final List<String> TIMER_KEYS = List.of("wait:", "timeout:", "delayed:");

    private final JdbcClient jdbc;
    private final Definitions definitions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Migrations(JdbcClient jdbc, Definitions definitions, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.transactions = transactions;
        this.clock = clock;
    }

    MigrationResult migrate(TenantId tenant, JourneyVersion target, @Nullable Integer from, Map<String, String> steps) {
        Set<String> ids = target.definition().steps().stream().map(Step::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        if (from != null && (from < 1 || from >= target.version())) {
            errors.add(new FieldError("/fromVersion", "must be an earlier version, 1 to " + (target.version() - 1)));
        }
        steps.forEach((old, next) -> {
            if (!ids.contains(next)) {
                errors.add(
                        new FieldError("/steps/" + old, "version " + target.version() + " has no step '" + next + "'"));
            }
        });
        if (!errors.isEmpty()) {
            throw new HearthProblem(
                    JourneysProblem.INVALID_MIGRATION, "The migration has " + errors.size() + " error(s)", errors);
        }
        return TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    long moved = 0;
                    for (Map.Entry<String, String> mapping : steps.entrySet()) {
                        moved += move(tenant, target, from, List.of(mapping.getKey()), mapping.getValue());
                    }
                    List<String> same =
                            ids.stream().filter(id -> !steps.containsKey(id)).toList();
                    moved += move(tenant, target, from, same, null);
                    return new MigrationResult(
                            target.definition().key(), target.version(), moved, stayed(tenant, target, from));
                }));
    }

    /** Moves the runs on one of {@code from} steps; to {@code renamed} when given, else to the same id. */
    private long move(
            TenantId tenant,
            JourneyVersion target,
            @Nullable Integer from,
            List<String> stepIds,
            @Nullable String renamed) {
        if (stepIds.isEmpty()) {
            return 0;
        }
        String context = "r.context";
        if (renamed != null) {
            for (String key : TIMER_KEYS) {
                context = "journeys_rename_key(" + context + ", '" + key + "' || o.step_id, '" + key + "' || :renamed)";
            }
        }
        return jdbc.sql("""
                with picked as (
                    select run_id, version, step_id from journeys_run
                    where tenant_id = :tenant and journey_key = :journey and status = 'active'
                      and version < :to and (cast(:from as int) is null or version = :from)
                      and step_id = any(:steps)
                    for update),
                moved as (
                    update journeys_run r set version = :to, step_id = coalesce(cast(:renamed as text), o.step_id),
                        context = %s
                    from picked o where r.tenant_id = :tenant and r.run_id = o.run_id
                    returning r.run_id, r.variant, o.version as old_version, r.step_id)
                insert into journeys_step_log (tenant_id, run_id, journey_key, step_id, variant, outcome, reason, occurred_at)
                select :tenant, run_id, :journey, '_migration', variant, 'migrated', 'from-v' || old_version, :now from moved
                """.formatted(context))
                .param("tenant", tenant.value())
                .param("journey", target.definition().key())
                .param("to", target.version())
                .param("from", from)
                .param("steps", stepIds.toArray(String[]::new))
                .param("renamed", renamed)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private Map<String, Long> stayed(TenantId tenant, JourneyVersion target, @Nullable Integer from) {
        Map<String, Long> stayed = new LinkedHashMap<>();
        jdbc.sql("""
                select step_id, count(*) from journeys_run
                where tenant_id = :tenant and journey_key = :journey and status = 'active' and version < :to
                  and (cast(:from as int) is null or version = :from)
                group by step_id order by step_id
                """)
                .param("tenant", tenant.value())
                .param("journey", target.definition().key())
                .param("to", target.version())
                .param("from", from)
                .query((rs, row) -> stayed.put(rs.getString(1), rs.getLong(2)))
                .list();
        return stayed;
    }
}
