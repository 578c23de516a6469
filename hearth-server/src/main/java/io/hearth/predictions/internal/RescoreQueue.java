package io.hearth.predictions.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Changed customers waiting to be rescored. A shopper's session sends a burst of events, each of which
 * changes her profile; rescoring after every one read her orders and timeline again each time. Here the
 * changes of one {@code rescore-delay} are collected, each customer once, and rescored together in
 * batches with a fixed number of queries per batch. Pending customers live in memory only, as the
 * asynchronous listener's work always did: a crash loses at most one delay's worth, which the sweep
 * after the next durable training rescores anyway.
 */
@Component
class RescoreQueue implements SmartLifecycle {

    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RescoreQueue.class);

    private final Map<TenantId, Set<CustomerId>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Rescorer rescorer;
    private final TrainingSchedule training;
    private final PredictionSettings settings;
    private final Counter changes;
    private final Counter rescored;
    private volatile ScheduledExecutorService executor;

    RescoreQueue(Rescorer rescorer, TrainingSchedule training, PredictionSettings settings, MeterRegistry meters) {
        this.rescorer = rescorer;
        this.training = training;
        this.settings = settings;
        this.changes = Counter.builder("hearth.predictions.rescore.changes")
                .description("Customer changes that asked for a rescore")
                .register(meters);
        this.rescored = Counter.builder("hearth.predictions.rescored")
                .description("Customers rescored after their profiles changed")
                .register(meters);
        Gauge.builder("hearth.predictions.rescore.pending", size, AtomicInteger::get)
                .description("Changed customers waiting to be rescored on this node")
                .register(meters);
    }

    /**
     * Remembers the customers for the next drain, and the tenant even with none (its first training is
     * scheduled by the drain); beyond the bound, the training sweep covers them.
     */
    void add(TenantId tenant, Collection<CustomerId> customers) {
        changes.increment(customers.size());
        if (size.get() + customers.size() > settings.rescorePendingLimit()) {
            LOG.warn(
                    "{} customers wait for rescoring; {} more are left to the next training sweep",
                    size.get(),
                    customers.size());
            return;
        }
        pending.compute(tenant, (key, waiting) -> {
            Set<CustomerId> set = waiting == null ? new LinkedHashSet<>() : waiting;
            for (CustomerId customer : customers) {
                if (set.add(customer)) {
                    size.incrementAndGet();
                }
            }
            return set;
        });
    }

    /**
     * Rescores everyone waiting, a batch per tenant in turn, so one shop's import of thousands does not
     * hold another shop's few changed customers back until it is done; answers how many customers that
     * was. Customers added meanwhile are served in the same drain.
     */
    int drain() {
        int drained = 0;
        Set<TenantId> scheduled = new HashSet<>();
        boolean tookAny = true;
        while (tookAny) {
            tookAny = false;
            for (TenantId tenant : List.copyOf(pending.keySet())) {
                Optional<List<CustomerId>> batch = takeBatch(tenant);
                if (batch.isEmpty()) {
                    continue;
                }
                if (scheduled.add(tenant)) {
                    scheduleTraining(tenant);
                }
                tookAny |= !batch.get().isEmpty();
                drained += rescore(tenant, batch.get());
            }
        }
        return drained;
    }

    /**
     * Removes up to {@link #BATCH} of the tenant's waiting customers, atomically with add's compute (a
     * customer added after it waits for the next turn); empty when the tenant waits with none, absent
     * when it does not wait at all.
     */
    private Optional<List<CustomerId>> takeBatch(TenantId tenant) {
        List<CustomerId> batch = new ArrayList<>();
        boolean[] present = {false};
        pending.computeIfPresent(tenant, (key, waiting) -> {
            present[0] = true;
            Iterator<CustomerId> next = waiting.iterator();
            while (next.hasNext() && batch.size() < BATCH) {
                batch.add(next.next());
                next.remove();
            }
            return waiting.isEmpty() ? null : waiting;
        });
        return present[0] ? Optional.of(batch) : Optional.empty();
    }

    private void scheduleTraining(TenantId tenant) {
        try {
            training.ensureScheduled(tenant);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Scheduling the first training of {} failed, retried at its next change: {}", tenant, e.toString());
        }
    }

    private int rescore(TenantId tenant, List<CustomerId> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            rescorer.rescoreTogether(tenant, batch);
            rescored.increment(batch.size());
        } catch (RuntimeException e) {
            // One tenant's failure must not stop the others' turns; the training sweep covers these.
            LOG.warn("Rescoring {} changed customers of {} failed: {}", batch.size(), tenant, e.toString());
        } finally {
            // Counted as waiting until done, so the gauge reads 0 only once the work is finished.
            size.addAndGet(-batch.size());
        }
        return batch.size();
    }

    private void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("Rescoring changed customers failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("predictions-rescore").daemon().factory());
        long delay = settings.rescoreDelay().toMillis();
        started.scheduleWithFixedDelay(this::tick, delay, delay, TimeUnit.MILLISECONDS);
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
