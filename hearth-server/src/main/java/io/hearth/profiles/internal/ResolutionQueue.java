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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Coalesces the batches of one tenant that wait for identity resolution into one resolution
 * transaction. Resolution is serialized per tenant anyway (it holds the tenant's identity lock), so
 * instead of each waiting thread taking the lock in turn, holding a connection meanwhile and paying
 * the fixed cost of a pass per batch, the first thread leads: it resolves every batch queued for the
 * tenant at once, up to {@link #MAX_EVENTS}, while the others wait for their batch's answer. Each
 * caller still returns only when its own events are resolved, so at-least-once delivery holds.
 *
 * <p>A pass that fails is retried batch by batch, so one bad batch cannot fail its neighbours.
 */
final class ResolutionQueue {

    /** Events per resolution pass: large enough to amortize, small enough to keep a pass short. */
    static final int MAX_EVENTS = 4_000;

    private final ConcurrentHashMap<TenantId, Lane> lanes = new ConcurrentHashMap<>();
    private final BiFunction<TenantId, List<EventFacts>, Map<UUID, CustomerId>> resolver;

    ResolutionQueue(BiFunction<TenantId, List<EventFacts>, Map<UUID, CustomerId>> resolver) {
        this.resolver = resolver;
    }

    /** Resolves the events (with whatever else is queued for the tenant); answers where each of them went. */
    Map<UUID, CustomerId> resolve(TenantId tenant, List<EventFacts> events) {
        Lane lane = lanes.computeIfAbsent(tenant, id -> new Lane());
        Waiting waiting = new Waiting(events, new CompletableFuture<>());
        lane.queue.add(waiting);
        while (!waiting.answer.isDone()) {
            if (lane.leading.compareAndSet(false, true)) {
                try {
                    drain(tenant, lane);
                } finally {
                    lane.leading.set(false);
                }
            } else {
                await(waiting, 20);
            }
        }
        try {
            return waiting.answer.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private void drain(TenantId tenant, Lane lane) {
        List<Waiting> group = take(lane);
        while (!group.isEmpty()) {
            resolveGroup(tenant, group);
            group = take(lane);
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
        Map<UUID, CustomerId> placements;
        try {
            placements = resolver.apply(tenant, all);
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
        }
    }

    private void resolveAlone(TenantId tenant, Waiting waiting) {
        try {
            waiting.answer.complete(resolver.apply(tenant, waiting.events));
        } catch (RuntimeException failed) {
            waiting.answer.completeExceptionally(failed);
        }
    }

    private static void await(Waiting waiting, long millis) {
        try {
            waiting.answer.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillWaitingOrFailed) {
            // loop: the answer (or its failure) is read with join(); a free lane is taken over
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for identity resolution", interrupted);
        }
    }

    private static final class Lane {
        private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean leading = new AtomicBoolean();
    }

    private record Waiting(List<EventFacts> events, CompletableFuture<Map<UUID, CustomerId>> answer) {}
}
