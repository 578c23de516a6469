package io.hearth.journeys.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Runs: where each customer is in a journey version and when its timer is due. */
@Repository
class RunStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A run as the engine works on it. */
    record Run(
            UUID runId,
            String journey,
            int version,
            CustomerId customer,
            String status,
            @Nullable String stepId,
            @Nullable Instant dueAt,
            @Nullable String waitEvent,
            @Nullable String variant,
            Map<String, Object> context) {}

    /** Starts a run unless one exists for the entry key; answers whether it was new. */
    boolean start(
            TenantId tenant,
            UUID run,
            String journey,
            int version,
            CustomerId customer,
            String entryKey,
            String firstStep,
            Map<String, Object> context,
            boolean heldOut,
            Instant now) {
        return jdbc.sql("""
                insert into journeys_run (tenant_id, run_id, journey_key, version, customer_id, entry_key, status,
                    step_id, due_at, context, started_at, held_out)
                values (:tenant, :run, :journey, :version, :customer, :entry, 'active', :step, :now,
                    cast(:context as jsonb), :now, :heldOut)
                on conflict (tenant_id, journey_key, entry_key) do nothing
                """)
                        .param("tenant", tenant.value())
                        .param("run", run)
                        .param("journey", journey)
                        .param("version", version)
                        .param("customer", customer.value())
                        .param("entry", entryKey)
                        .param("step", firstStep)
                        .param("context", json.writeValueAsString(context))
                        .param("now", Timestamp.from(now))
                        .param("heldOut", heldOut)
                        .update()
                == 1;
    }

    /** A run to insert by {@link #startAll}. */
    record NewRun(
            UUID run,
            String journey,
            int version,
            CustomerId customer,
            String entryKey,
            String firstStep,
            Map<String, Object> context,
            boolean heldOut) {}

    /** How many runs of a journey a customer has: all of them, and the active ones. */
    record Counts(long all, long active) {}

    /** Rows per multi-row insert: 12 parameters each stays far below PostgreSQL's 65,535. */
    private static final int INSERT_CHUNK = 500;

    /**
     * Starts the runs whose entry keys are still free, due at {@code due}, in multi-row inserts;
     * answers the ids of those inserted (a key taken meanwhile inserts nothing, as in {@link #start}).
     */
    Set<UUID> startAll(TenantId tenant, List<NewRun> runs, Instant now, Instant due) {
        Set<UUID> inserted = new HashSet<>();
        for (int from = 0; from < runs.size(); from += INSERT_CHUNK) {
            List<NewRun> chunk = runs.subList(from, Math.min(runs.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("""
                    insert into journeys_run (tenant_id, run_id, journey_key, version, customer_id, entry_key, status,
                        step_id, due_at, context, started_at, held_out) values
                    """);
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", tenant.value());
            params.put("now", Timestamp.from(now));
            params.put("due", Timestamp.from(due));
            for (int i = 0; i < chunk.size(); i++) {
                NewRun run = chunk.get(i);
                sql.append(i == 0 ? "" : ",")
                        .append("(:tenant, :run%1$d, :journey%1$d, :version%1$d, :customer%1$d, :entry%1$d, 'active',"
                                .formatted(i))
                        .append(" :step%1$d, :due, cast(:context%1$d as jsonb), :now, :heldOut%1$d)".formatted(i));
                params.put("run" + i, run.run());
                params.put("journey" + i, run.journey());
                params.put("version" + i, run.version());
                params.put("customer" + i, run.customer().value());
                params.put("entry" + i, run.entryKey());
                params.put("step" + i, run.firstStep());
                params.put("context" + i, json.writeValueAsString(run.context()));
                params.put("heldOut" + i, run.heldOut());
            }
            sql.append(" on conflict (tenant_id, journey_key, entry_key) do nothing returning run_id");
            inserted.addAll(jdbc.sql(sql.toString())
                    .params(params)
                    .query((rs, row) -> rs.getObject(1, UUID.class))
                    .list());
        }
        return inserted;
    }

    /** Whether the journey has a run for the entry key. */
    boolean exists(TenantId tenant, String journey, String entryKey) {
        return jdbc.sql("""
                select exists (select 1 from journeys_run
                  where tenant_id = :tenant and journey_key = :journey and entry_key = :entry)
                """)
                .param("tenant", tenant.value())
                .param("journey", journey)
                .param("entry", entryKey)
                .query(Boolean.class)
                .single();
    }

    /** Which of the entry keys the journey already has runs for. */
    List<String> existing(TenantId tenant, String journey, Collection<String> entryKeys) {
        return jdbc.sql("""
                select entry_key from journeys_run
                where tenant_id = :tenant and journey_key = :journey and entry_key in (:entries)
                """)
                .param("tenant", tenant.value())
                .param("journey", journey)
                .param("entries", entryKeys)
                .query(String.class)
                .list();
    }

    /** Run counts of the journey per customer, for those of the customers who have any. */
    Map<CustomerId, Counts> counts(TenantId tenant, String journey, Collection<CustomerId> customers) {
        Map<CustomerId, Counts> counts = new HashMap<>();
        jdbc.sql("""
                select customer_id, count(*), count(*) filter (where status = 'active') from journeys_run
                where tenant_id = :tenant and journey_key = :journey and customer_id in (:customers)
                group by customer_id
                """)
                .param("tenant", tenant.value())
                .param("journey", journey)
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query(rs -> {
                    counts.put(new CustomerId(rs.getString(1)), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    /** The advisory-lock name that serializes entries of this customer into this journey. */
    static String entryLock(TenantId tenant, String journey, CustomerId customer) {
        return "journey-entry/" + tenant.value() + "/" + journey + "/" + customer.value();
    }

    /** Holds entries of this customer into this journey until the transaction ends. */
    void lockEntries(TenantId tenant, String journey, CustomerId customer) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:lock))")
                .param("lock", entryLock(tenant, journey, customer))
                .query()
                .singleValue();
    }

    /** Takes the named entry locks one after the other, in the order given, until the transaction ends. */
    void lockEntries(List<String> locks) {
        if (locks.isEmpty()) {
            return;
        }
        // unnest yields the array in order, so the locks are taken in the caller's order.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(k)) from unnest(cast(array[:locks] as text[])) as k")
                .param("locks", locks)
                .query()
                .listOfRows();
    }

    /** Runs of the journey by this customer: all of them, or only the active ones. */
    int count(TenantId tenant, String journey, CustomerId customer, boolean activeOnly) {
        return jdbc.sql("""
                select count(*) from journeys_run where tenant_id = :tenant and journey_key = :journey
                  and customer_id = :customer and (not :active or status = 'active')
                """)
                .param("tenant", tenant.value())
                .param("journey", journey)
                .param("customer", customer.value())
                .param("active", activeOnly)
                .query(Integer.class)
                .single();
    }

    /** Locks a due run for this transaction; empty when it is not due or another node holds it. */
    Optional<Run> lockDue(TenantId tenant, UUID run, Instant now) {
        return jdbc.sql("""
                select * from journeys_run where tenant_id = :tenant and run_id = :run
                  and status = 'active' and due_at <= :now
                for update skip locked
                """)
                .param("tenant", tenant.value())
                .param("run", run)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> run(rs))
                .optional();
    }

    /**
     * Locks those of the runs that are due by {@code by}, skipping any another node holds, as
     * {@link #lockDue} does.
     */
    List<Run> lockDueAll(TenantId tenant, Collection<UUID> runs, Instant by) {
        return jdbc.sql("""
                select * from journeys_run where tenant_id = :tenant and run_id in (:runs)
                  and status = 'active' and due_at <= :now
                order by run_id
                for update skip locked
                """)
                .param("tenant", tenant.value())
                .param("runs", List.copyOf(runs))
                .param("now", Timestamp.from(by))
                .query((rs, row) -> run(rs))
                .list();
    }

    List<Run> activeOf(TenantId tenant, CustomerId customer) {
        return jdbc.sql(
                        "select * from journeys_run where tenant_id = :tenant and customer_id = :customer and status = 'active'")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query((rs, row) -> run(rs))
                .list();
    }

    /** Saves where the run is now and when it is next due (null: not until an event wakes it). */
    void save(TenantId tenant, Run run) {
        jdbc.sql("""
                update journeys_run set status = :status, step_id = :step, due_at = :due, wait_event = :event,
                    variant = :variant, context = cast(:context as jsonb)
                where tenant_id = :tenant and run_id = :run
                """)
                .param("tenant", tenant.value())
                .param("run", run.runId())
                .param("status", run.status())
                .param("step", run.stepId())
                .param("due", run.dueAt() == null ? null : Timestamp.from(run.dueAt()))
                .param("event", run.waitEvent())
                .param("variant", run.variant())
                .param("context", json.writeValueAsString(run.context()))
                .update();
    }

    /** {@link #save} for many runs in one statement per {@link #INSERT_CHUNK} runs. */
    void saveAll(TenantId tenant, List<Run> runs) {
        for (int from = 0; from < runs.size(); from += INSERT_CHUNK) {
            List<Run> chunk = runs.subList(from, Math.min(runs.size(), from + INSERT_CHUNK));
            StringBuilder values = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", tenant.value());
            for (int i = 0; i < chunk.size(); i++) {
                Run run = chunk.get(i);
                values.append(i == 0 ? "" : ",")
                        .append(("(cast(:run%1$d as uuid), cast(:status%1$d as text), cast(:step%1$d as text),"
                                        + " cast(:due%1$d as timestamptz), cast(:event%1$d as text),"
                                        + " cast(:variant%1$d as text), cast(:context%1$d as jsonb))")
                                .formatted(i));
                params.put("run" + i, run.runId());
                params.put("status" + i, run.status());
                params.put("step" + i, run.stepId());
                params.put("due" + i, run.dueAt() == null ? null : Timestamp.from(run.dueAt()));
                params.put("event" + i, run.waitEvent());
                params.put("variant" + i, run.variant());
                params.put("context" + i, json.writeValueAsString(run.context()));
            }
            jdbc.sql("""
                            update journeys_run r set status = v.status, step_id = v.step_id, due_at = v.due_at,
                                wait_event = v.wait_event, variant = v.variant, context = v.context
                            from (values %s) as v(run_id, status, step_id, due_at, wait_event, variant, context)
                            where r.tenant_id = :tenant and r.run_id = v.run_id
                            """.formatted(values)).params(params).update();
        }
    }

    void end(TenantId tenant, UUID run, String status, @Nullable String reason, Instant now) {
        end(tenant, run, status, reason, null, now);
    }

    /** Ends the run; a variant given (a split's holdout ends the run) is kept, as conversion counts by it. */
    void end(TenantId tenant, UUID run, String status, @Nullable String reason, @Nullable String variant, Instant now) {
        jdbc.sql("""
                update journeys_run set status = :status, exit_reason = :reason, ended_at = :now, due_at = null,
                    variant = coalesce(cast(:variant as text), variant)
                where tenant_id = :tenant and run_id = :run and status = 'active'
                """)
                .param("tenant", tenant.value())
                .param("run", run)
                .param("status", status)
                .param("reason", reason)
                .param("variant", variant)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Wakes a run waiting for this event now, recording what came. */
    void wake(TenantId tenant, UUID run, String event, Instant now) {
        jdbc.sql("""
                update journeys_run set due_at = :now, wait_event = null,
                    context = jsonb_set(context, '{received}', to_jsonb(cast(:event as text)))
                where tenant_id = :tenant and run_id = :run and status = 'active' and wait_event = :event
                """)
                .param("tenant", tenant.value())
                .param("run", run)
                .param("event", event)
                .param("now", Timestamp.from(now))
                .update();
    }

    @SuppressWarnings("unchecked")
    private Run run(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        return new Run(
                rs.getObject("run_id", UUID.class),
                rs.getString("journey_key"),
                rs.getInt("version"),
                new CustomerId(rs.getString("customer_id")),
                rs.getString("status"),
                rs.getString("step_id"),
                due == null ? null : due.toInstant(),
                rs.getString("wait_event"),
                rs.getString("variant"),
                json.readValue(rs.getString("context"), Map.class));
    }
}
