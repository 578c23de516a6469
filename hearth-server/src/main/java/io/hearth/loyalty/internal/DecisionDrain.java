package io.hearth.loyalty.internal;

import io.hearth.loyalty.internal.DecisionOutbox.Waiting;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves waiting decisions from the outbox into the decision log, a batch per transaction: the batch
 * is appended under one lock of the tenant's chain head and deleted from the outbox in the same
 * commit, so each decision is logged exactly once, in the order of the awards, even across a crash.
 * One thread per node; nodes skip each other's locked rows.
 */
@Component
class DecisionDrain implements SmartLifecycle {

    static final int BATCH = 500;
    private static final long INTERVAL_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DecisionDrain.class);

    private final DecisionOutbox outbox;
    private final PrivacyManagement privacy;
    private final TransactionTemplate transactions;
    private volatile ScheduledExecutorService executor;

    DecisionDrain(DecisionOutbox outbox, PrivacyManagement privacy, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.privacy = privacy;
        this.transactions = transactions;
    }

    /** Logs everything waiting now; answers how many decisions it logged. */
    int drain() {
        int logged = 0;
        for (TenantId tenant : outbox.tenants()) {
            int batch;
            do {
                batch = drainBatch(tenant);
                logged += batch;
            } while (batch == BATCH);
        }
        return logged;
    }

    private int drainBatch(TenantId tenant) {
        Integer logged = TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    List<Waiting> waiting = outbox.lockOldest(tenant, BATCH);
                    if (waiting.isEmpty()) {
                        return 0;
                    }
                    privacy.recordDecisions(
                            tenant, waiting.stream().map(Waiting::decision).toList());
                    outbox.remove(tenant, waiting.stream().map(Waiting::id).toList());
                    return waiting.size();
                }));
        return logged == null ? 0 : logged;
    }

    private void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            // The decisions stay in the outbox; the next tick tries again.
            LOG.warn("Loyalty decisions not logged yet: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("loyalty-decisions").daemon().factory());
        started.scheduleWithFixedDelay(this::tick, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (running.awaitTermination(10, TimeUnit.SECONDS)) {
                tick();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
