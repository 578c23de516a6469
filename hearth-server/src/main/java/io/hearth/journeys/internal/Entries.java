package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.journeys.JourneyVersion;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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

    private final RunStore runs;
    private final StepLog log;
    private final JourneyEngine engine;
    private final TransactionTemplate transactions;
    private final JourneySettings settings;
    private final Clock clock;

    Entries(
            RunStore runs,
            StepLog log,
            JourneyEngine engine,
            TransactionTemplate transactions,
            JourneySettings settings,
            Clock clock) {
        this.runs = runs;
        this.log = log;
        this.engine = engine;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    void enter(
            TenantId tenant,
            JourneyVersion version,
            CustomerId customer,
            String entryKey,
            Map<String, Object> context) {
        UUID run = UUID.randomUUID();
        Boolean started = TenantContext.call(
                tenant, () -> transactions.execute(status -> start(tenant, version, customer, entryKey, context, run)));
        if (Boolean.TRUE.equals(started)) {
            engine.advance(tenant, run);
        }
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
