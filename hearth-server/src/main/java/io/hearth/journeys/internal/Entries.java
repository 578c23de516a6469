package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.journeys.JourneyVersion;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts runs. The entry key (the order and status, the event's message id) makes a redelivered
 * trigger start nothing new; the journey's entry rules decide whether the customer may enter again
 * and how many runs may be active at once. A new run is advanced at once, so a first send does not
 * wait for the timer job.
 */
@Component
class Entries {

    private static final Logger logger = LoggerFactory.getLogger(Entries.class);

    /**
     * New runs advanced in one transaction. Each works under a savepoint (a PostgreSQL
     * subtransaction); past 64 in one transaction every snapshot in the database gets slower, so
     * well below that.
     */
    private static final int FIRST_STEPS_BATCH = 32;

    /**
     * How long a run started from a batch is left to the first-steps executor before the timer job
     * takes it: the timer polls often, and advancing the new runs one at a time, as it does, is what
     * the batch avoids. Only a run the executor had no room for (or a node killed meanwhile) waits
     * this long.
     */
    static final Duration FIRST_STEP_GRACE = Duration.ofSeconds(10);

    /** One run to start: the journey version, its customer, the entry key and the run's first context. */
    record Entry(JourneyVersion version, CustomerId customer, String entryKey, Map<String, Object> context) {}

    private final RunStore runs;
    private final StepLog log;
    private final JourneyEngine engine;
    private final TransactionTemplate transactions;
    private final JourneySettings settings;
    private final Clock clock;
    private final Executor firstSteps;

    Entries(
            RunStore runs,
            StepLog log,
            JourneyEngine engine,
            TransactionTemplate transactions,
            JourneySettings settings,
            Clock clock,
            @Qualifier(JourneysExecutorConfiguration.FIRST_STEPS) Executor firstSteps) {
        this.runs = runs;
        this.log = log;
        this.engine = engine;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.firstSteps = firstSteps;
    }

    void enter(
            TenantId tenant,
            JourneyVersion version,
            CustomerId customer,
            String entryKey,
            Map<String, Object> context) {
        // A redelivered trigger (or one the ingested batch already started) costs one read, not a locked transaction.
        if (TenantContext.call(
                tenant, () -> runs.exists(tenant, version.definition().key(), entryKey))) {
            return;
        }
        UUID run = UUID.randomUUID();
        Boolean started = TenantContext.call(
                tenant, () -> transactions.execute(status -> start(tenant, version, customer, entryKey, context, run)));
        if (Boolean.TRUE.equals(started)) {
            engine.advance(tenant, run);
        }
    }

    /**
     * Starts the runs of a batch in one transaction (one lock statement, one count query per journey,
     * one multi-row insert) under the same entry rules as {@link #enter}, earlier entries of the batch
     * counting for later ones. Their first steps are handed, 32 runs to a transaction, to a bounded
     * executor of their own; a run it has no room for is advanced by the timer job after
     * {@link #FIRST_STEP_GRACE}.
     */
    void enterAll(TenantId tenant, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<UUID> started =
                TenantContext.call(tenant, () -> transactions.execute(status -> startAll(tenant, entries)));
        List<UUID> all = started == null ? List.of() : started;
        for (int from = 0; from < all.size(); from += FIRST_STEPS_BATCH) {
            List<UUID> chunk = List.copyOf(all.subList(from, Math.min(all.size(), from + FIRST_STEPS_BATCH)));
            firstSteps.execute(() -> {
                try {
                    engine.advanceAll(tenant, chunk, clock.instant().plus(FIRST_STEP_GRACE));
                } catch (RuntimeException e) {
                    // The runs stay due: the timer job advances them.
                    logger.warn("advancing {} new runs failed; the timer job retries them", chunk.size(), e);
                }
            });
        }
    }

    /**
     * {@link #enterAll}, after one unlocked read per journey drops the entries already started: a
     * redelivered batch, or one the ingested batch already started, costs no locked transaction.
     */
    void enterAllNotYetStarted(TenantId tenant, List<Entry> entries) {
        Map<String, Set<String>> keysByJourney = new HashMap<>();
        for (Entry entry : entries) {
            keysByJourney
                    .computeIfAbsent(entry.version().definition().key(), key -> new HashSet<>())
                    .add(entry.entryKey());
        }
        Set<String> taken = new HashSet<>();
        TenantContext.run(
                tenant,
                () -> keysByJourney.forEach((journey, keys) ->
                        runs.existing(tenant, journey, keys).forEach(key -> taken.add(journey + "\n" + key))));
        enterAll(
                tenant,
                entries.stream()
                        .filter(entry ->
                                !taken.contains(entry.version().definition().key() + "\n" + entry.entryKey()))
                        .toList());
    }

    private List<UUID> startAll(TenantId tenant, List<Entry> entries) {
        Set<String> locks = new TreeSet<>();
        Map<String, Set<String>> keysByJourney = new HashMap<>();
        Map<String, Set<CustomerId>> customersByJourney = new HashMap<>();
        for (Entry entry : entries) {
            String journey = entry.version().definition().key();
            locks.add(RunStore.entryLock(tenant, journey, entry.customer()));
            keysByJourney.computeIfAbsent(journey, key -> new HashSet<>()).add(entry.entryKey());
            customersByJourney.computeIfAbsent(journey, key -> new HashSet<>()).add(entry.customer());
        }
        // In a fixed order, so two batches sharing customers never wait on each other in a cycle.
        runs.lockEntries(List.copyOf(locks));
        Set<String> taken = new HashSet<>();
        Map<String, RunStore.Counts> counts = new HashMap<>();
        for (Map.Entry<String, Set<String>> journey : keysByJourney.entrySet()) {
            runs.existing(tenant, journey.getKey(), journey.getValue())
                    .forEach(key -> taken.add(journey.getKey() + "\n" + key));
            runs.counts(tenant, journey.getKey(), customersByJourney.get(journey.getKey()))
                    .forEach((customer, count) -> counts.put(journey.getKey() + "\n" + customer.value(), count));
        }
        Instant now = clock.instant();
        List<RunStore.NewRun> admitted = new ArrayList<>();
        for (Entry entry : entries) {
            JourneyDefinition journey = entry.version().definition();
            if (!taken.add(journey.key() + "\n" + entry.entryKey())) {
                continue;
            }
            String counted = journey.key() + "\n" + entry.customer().value();
            RunStore.Counts count = counts.getOrDefault(counted, new RunStore.Counts(0, 0));
            if (!journey.entry().reentry() && count.all() > 0) {
                continue;
            }
            if (count.active() >= journey.entry().maxConcurrent()) {
                continue;
            }
            counts.put(counted, new RunStore.Counts(count.all() + 1, count.active() + 1));
            boolean heldOut = !journey.transactional()
                    && SendPolicy.inGlobalHoldout(
                            tenant.value().toString(), entry.customer().value(), settings.globalHoldoutPercent());
            admitted.add(new RunStore.NewRun(
                    UUID.randomUUID(),
                    journey.key(),
                    entry.version().version(),
                    entry.customer(),
                    entry.entryKey(),
                    journey.steps().getFirst().id(),
                    entry.context(),
                    heldOut));
        }
        Set<UUID> inserted = runs.startAll(tenant, admitted, now, now.plus(FIRST_STEP_GRACE));
        List<JourneyStepExecuted> logged = new ArrayList<>();
        List<UUID> started = new ArrayList<>();
        for (RunStore.NewRun run : admitted) {
            if (inserted.contains(run.run())) {
                started.add(run.run());
                logged.add(new JourneyStepExecuted(
                        tenant,
                        run.journey(),
                        run.version(),
                        run.run(),
                        run.customer(),
                        "_entry",
                        null,
                        "entered",
                        run.entryKey().substring(0, run.entryKey().indexOf(':')),
                        now));
            }
        }
        log.recordAll(logged);
        return started;
    }

    private boolean start(
            TenantId tenant,
            JourneyVersion version,
            CustomerId customer,
            String entryKey,
            Map<String, Object> context,
            UUID run) {
        JourneyDefinition journey = version.definition();
        // Serializes entries of one customer into one journey, so the entry rules hold under concurrency.
        runs.lockEntries(tenant, journey.key(), customer);
        if (!journey.entry().reentry() && runs.count(tenant, journey.key(), customer, false) > 0) {
            return false;
        }
        if (runs.count(tenant, journey.key(), customer, true) >= journey.entry().maxConcurrent()) {
            return false;
        }
        Instant now = clock.instant();
        String first = journey.steps().getFirst().id();
        // Customers of the global holdout get no marketing: their runs are the journey's control group.
        boolean heldOut = !journey.transactional()
                && SendPolicy.inGlobalHoldout(
                        tenant.value().toString(), customer.value(), settings.globalHoldoutPercent());
        if (!runs.start(
                tenant, run, journey.key(), version.version(), customer, entryKey, first, context, heldOut, now)) {
            return false;
        }
        log.record(new JourneyStepExecuted(
                tenant,
                journey.key(),
                version.version(),
                run,
                customer,
                "_entry",
                null,
                "entered",
                entryKey.substring(0, entryKey.indexOf(':')),
                now));
        return true;
    }
}
