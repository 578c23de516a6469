package io.hearth.ingestion.internal;

import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces concurrent single events into shared transactions. A caller hands over its validated
 * event and blocks until the transaction that holds it has committed, so an answer still means the
 * event is durable; meanwhile the committers take whatever has queued up and store it with one
 * statement per tenant and source.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    /** Appends the events of one tenant and source in one transaction; answers the event ids stored. */
    @FunctionalInterface
    interface Appender {
        Set<UUID> append(TenantId tenant, UUID sourceId, List<PendingEvent> events);
    }

    private final Appender appender;
    private final GroupCommitSettings settings;
    private final BlockingQueue<Call> queue;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean open = true;

    GroupCommit(Appender appender, GroupCommitSettings settings) {
        this.appender = appender;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.maxEvents() * 8);
        for (int i = 0; i < settings.committers(); i++) {
            Thread committer = Thread.ofPlatform()
                    .name("hearth-group-commit-" + i)
                    .daemon()
                    .unstarted(this::commitUntilClosed);
            committers.add(committer);
            committer.start();
        }
    }

    /**
     * Stores the event with others queued at the same time; answers once committed whether it was
     * stored (false: its message id was known already, a duplicate).
     */
    boolean store(TenantId tenant, UUID sourceId, PendingEvent event) {
        Call call = new Call(tenant, sourceId, event, new CompletableFuture<>());
        try {
            if (!open) {
                throw new IllegalStateException("ingestion is shutting down");
            }
            queue.put(call);
            return call.stored().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no commit within " + ANSWER_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Calls waiting for a committer to take them. */
    int queued() {
        return queue.size();
    }

    private void commitUntilClosed() {
        while (open || !queue.isEmpty()) {
            try {
                List<Call> group = nextGroup();
                if (!group.isEmpty()) {
                    commit(group);
                }
            } catch (InterruptedException e) {
                if (!open && queue.isEmpty()) {
                    return;
                }
            }
        }
    }

    private List<Call> nextGroup() throws InterruptedException {
        Call first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Call> group = new ArrayList<>();
        group.add(first);
        long waitNanos = settings.maxWait().toNanos();
        if (waitNanos == 0) {
            queue.drainTo(group, settings.maxEvents() - 1);
            return group;
        }
        long deadline = System.nanoTime() + waitNanos;
        while (group.size() < settings.maxEvents()) {
            Call next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            group.add(next);
            queue.drainTo(group, settings.maxEvents() - group.size());
        }
        return group;
    }

    private void commit(List<Call> group) {
        Map<Target, List<Call>> byTarget = new LinkedHashMap<>();
        for (Call call : group) {
            byTarget.computeIfAbsent(new Target(call.tenant(), call.sourceId()), target -> new ArrayList<>())
                    .add(call);
        }
        byTarget.forEach(this::commit);
    }

    private void commit(Target target, List<Call> calls) {
        try {
            List<PendingEvent> events = new ArrayList<>(calls.size());
            for (Call call : calls) {
                events.add(call.event());
            }
            Set<UUID> stored = appender.append(target.tenant(), target.sourceId(), events);
            for (Call call : calls) {
                call.stored().complete(stored.contains(call.event().eventId()));
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("A shared commit of {} single events failed", calls.size(), e);
            for (Call call : calls) {
                call.stored().completeExceptionally(e);
            }
        }
    }

    /** Stops taking calls and lets the committers finish those queued before returning. */
    @Override
    public void close() {
        open = false;
        for (Thread committer : committers) {
            try {
                committer.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Call> stranded = new ArrayList<>();
        queue.drainTo(stranded);
        for (Call call : stranded) {
            call.stored().completeExceptionally(new IllegalStateException("ingestion is shutting down"));
        }
    }

    private record Target(TenantId tenant, UUID sourceId) {}

    private record Call(TenantId tenant, UUID sourceId, PendingEvent event, CompletableFuture<Boolean> stored) {}
}
