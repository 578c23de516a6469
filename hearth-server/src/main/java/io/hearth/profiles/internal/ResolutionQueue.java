package io.hearth.profiles.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Coalesces the batches of one tenant that wait for identity resolution into one resolution
 * transaction. Resolution is serialized per tenant anyway (it holds the tenant's identity lock), so
 * instead of each waiting thread taking the lock in turn, holding a connection meanwhile and paying
 * the fixed cost of a pass per batch, the first thread leads: it resolves every batch queued for the
 * tenant at once, up to {@link #MAX_EVENTS}, while the others wait for their batch's answer. Each
 * caller still returns only when its own events are resolved, so at-least-once delivery holds.
 *
 * <p>A leader leads only until its own batch is resolved, then hands the lane to the oldest waiting
 * caller and goes on with its batch. Leading until the queue ran dry kept one consumer thread in the
 * lane for as long as batches kept arriving (under steady load, for good), so that thread's own batch
 * waited there, its later consumers (journeys) with it, and one thread fewer took new batches.
 *
 * <p>A pass that fails is retried batch by batch, so one bad batch cannot fail its neighbours.
 */
final class ResolutionQueue {

    /** Events per resolution pass: large enough to amortize, small enough to keep a pass short. */
    static final int MAX_EVENTS = 4_000;

    private final ConcurrentHashMap<TenantId, Lane> lanes = new ConcurrentHashMap<>();
    private final Pass resolver;

    /** One resolution pass in one transaction; {@code mayRepeat} when some of its events may be resolved already. */
    @FunctionalInterface
    interface Pass {
        Map<UUID, CustomerId> resolve(TenantId tenant, List<EventFacts> events, boolean mayRepeat);
    }

    ResolutionQueue(Pass resolver) {
        this.resolver = resolver;
    }

    /**
     * Resolves the events (with whatever else is queued for the tenant); answers where each of them went.
     * {@code mayRepeat} when they may have been resolved before (a redelivery).
     */
    Map<UUID, CustomerId> resolve(TenantId tenant, List<EventFacts> events, boolean mayRepeat) {
        Lane lane = lanes.computeIfAbsent(tenant, id -> new Lane());
        Waiting waiting = new Waiting(events, mayRepeat, new CompletableFuture<>(), Thread.currentThread());
        lane.queue.add(waiting);
        while (!waiting.answer.isDone()) {
            if (lane.leading.compareAndSet(false, true)) {
                try {
                    lead(tenant, lane, waiting);
                } finally {
                    lane.leading.set(false);
                    handOver(lane);
                }
            } else {
                await(20);
            }
        }
        try {
            return waiting.answer.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** Resolves what is queued, a group at a time, until the leader's own batch is among the resolved. */
    private void lead(TenantId tenant, Lane lane, Waiting own) {
        while (!own.answer.isDone()) {
            List<Waiting> group = take(lane);
            if (group.isEmpty()) {
                return;
            }
            resolveGroup(tenant, group);
        }
    }

    /** Wakes the oldest waiting caller to lead the next pass; one arriving later takes the free lane itself. */
    private static void handOver(Lane lane) {
        Waiting next = lane.queue.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    private static List<Waiting> take(Lane lane) {
        List<Waiting> group = new ArrayList<>();
        int events = 0;
        while (events < MAX_EVENTS) {
            Waiting next = lane.queue.poll();
            if (next == null) {
                break;
            }
            group.add(next);
            events += next.events.size();
        }
        return group;
    }

    private void resolveGroup(TenantId tenant, List<Waiting> group) {
        if (group.size() == 1) {
            resolveAlone(tenant, group.getFirst());
            return;
        }
        List<EventFacts> all = new ArrayList<>();
        group.forEach(waiting -> all.addAll(waiting.events));
        boolean mayRepeat = group.stream().anyMatch(Waiting::mayRepeat);
        Map<UUID, CustomerId> placements;
        try {
            placements = resolver.resolve(tenant, all, mayRepeat);
        } catch (RuntimeException failed) {
            group.forEach(waiting -> resolveAlone(tenant, waiting));
            return;
        }
        for (Waiting waiting : group) {
            Map<UUID, CustomerId> own = new HashMap<>();
            waiting.events.forEach(event -> {
                CustomerId customer = placements.get(event.eventId());
                if (customer != null) {
                    own.put(event.eventId(), customer);
                }
            });
            waiting.answer.complete(own);
            LockSupport.unpark(waiting.thread);
        }
    }

    private void resolveAlone(TenantId tenant, Waiting waiting) {
        try {
            waiting.answer.complete(resolver.resolve(tenant, waiting.events, waiting.mayRepeat));
        } catch (RuntimeException failed) {
            waiting.answer.completeExceptionally(failed);
        }
        LockSupport.unpark(waiting.thread);
    }

    /**
     * Parks until the answer is in, the lane is handed over, or the time is up (then the caller looks
     * again: a lane left free is taken over).
     */
    private static void await(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for identity resolution");
        }
    }

    private static final class Lane {
        private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean leading = new AtomicBoolean();
    }

    private record Waiting(
            List<EventFacts> events,
            boolean mayRepeat,
            CompletableFuture<Map<UUID, CustomerId>> answer,
            Thread thread) {}
}
