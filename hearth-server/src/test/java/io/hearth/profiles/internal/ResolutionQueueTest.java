package io.hearth.profiles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Batches of one tenant that wait while a pass runs are resolved together; each caller gets its own answer. */
class ResolutionQueueTest {

    private static final TenantId SHOP = TenantId.random();

    private final List<Integer> passes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstPassStarted = new CountDownLatch(1);
    private final CountDownLatch othersQueued = new CountDownLatch(1);

    @Test
    void batchesWaitingForAPassAreResolvedInTheNextOneTogether() throws Exception {
        ResolutionQueue queue = new ResolutionQueue((tenant, events, mayRepeat) -> {
            firstPassStarted.countDown();
            awaitQuietly(othersQueued);
            return placeEach(events);
        });
        try (ExecutorService callers = Executors.newFixedThreadPool(5)) {
            List<EventFacts> first = events(3);
            Future<Map<UUID, CustomerId>> leader = callers.submit(() -> queue.resolve(SHOP, first, false));
            assertThat(firstPassStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<List<EventFacts>> waiting = List.of(events(2), events(4), events(1), events(5));
            List<Future<Map<UUID, CustomerId>>> answers = new ArrayList<>();
            waiting.forEach(batch -> answers.add(callers.submit(() -> queue.resolve(SHOP, batch, false))));
            Thread.sleep(200);
            othersQueued.countDown();

            assertThat(leader.get(5, TimeUnit.SECONDS)).containsOnlyKeys(ids(first));
            for (int i = 0; i < waiting.size(); i++) {
                assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).containsOnlyKeys(ids(waiting.get(i)));
            }
        }
        assertThat(passes).containsExactly(3, 12);
    }

    @Test
    void aLeaderHandsTheLaneOverOnceItsOwnBatchIsResolved() throws Exception {
        CountDownLatch secondPassStarted = new CountDownLatch(1);
        CountDownLatch secondPassMayEnd = new CountDownLatch(1);
        List<String> passThreads = new CopyOnWriteArrayList<>();
        ResolutionQueue queue = new ResolutionQueue((tenant, events, mayRepeat) -> {
            passThreads.add(Thread.currentThread().getName());
            if (passThreads.size() == 1) {
                firstPassStarted.countDown();
                awaitQuietly(othersQueued);
            } else {
                secondPassStarted.countDown();
                awaitQuietly(secondPassMayEnd);
            }
            return placeEach(events);
        });
        try (ExecutorService callers = Executors.newFixedThreadPool(3)) {
            List<EventFacts> first = events(1);
            Future<Map<UUID, CustomerId>> leader = callers.submit(() -> queue.resolve(SHOP, first, false));
            assertThat(firstPassStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<EventFacts> second = events(2);
            Future<Map<UUID, CustomerId>> waiter = callers.submit(() -> queue.resolve(SHOP, second, false));
            Thread.sleep(200);
            othersQueued.countDown();

            // The leader answers while the next pass, led by the caller that waited, still runs.
            assertThat(leader.get(5, TimeUnit.SECONDS)).containsOnlyKeys(ids(first));
            assertThat(secondPassStarted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(waiter.isDone()).isFalse();
            secondPassMayEnd.countDown();
            assertThat(waiter.get(5, TimeUnit.SECONDS)).containsOnlyKeys(ids(second));
        }
        assertThat(passThreads).hasSize(2).doesNotHaveDuplicates();
        assertThat(passes).containsExactly(1, 2);
    }

    @Test
    void aFailingPassIsRetriedBatchByBatchSoOnlyTheBadBatchFails() throws Exception {
        List<EventFacts> bad = events(2);
        UUID poison = bad.getFirst().eventId();
        ResolutionQueue queue = new ResolutionQueue((tenant, events, mayRepeat) -> {
            firstPassStarted.countDown();
            awaitQuietly(othersQueued);
            if (events.stream().anyMatch(event -> event.eventId().equals(poison))) {
                passes.add(-events.size());
                throw new IllegalStateException("cannot resolve");
            }
            return placeEach(events);
        });
        try (ExecutorService callers = Executors.newFixedThreadPool(3)) {
            Future<Map<UUID, CustomerId>> leader = callers.submit(() -> queue.resolve(SHOP, events(1), false));
            assertThat(firstPassStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<EventFacts> good = events(3);
            Future<Map<UUID, CustomerId>> goodAnswer = callers.submit(() -> queue.resolve(SHOP, good, false));
            Future<Map<UUID, CustomerId>> badAnswer = callers.submit(() -> queue.resolve(SHOP, bad, false));
            Thread.sleep(200);
            othersQueued.countDown();

            assertThat(leader.get(5, TimeUnit.SECONDS)).hasSize(1);
            assertThat(goodAnswer.get(5, TimeUnit.SECONDS)).containsOnlyKeys(ids(good));
            assertThatThrownBy(() -> badAnswer.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThat(passes).contains(1, -5, 3, -2);
    }

    private Map<UUID, CustomerId> placeEach(List<EventFacts> events) {
        passes.add(events.size());
        Map<UUID, CustomerId> placements = new HashMap<>();
        events.forEach(event -> placements.put(event.eventId(), CustomerId.random()));
        return placements;
    }

    private static List<EventFacts> events(int count) {
        List<EventFacts> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new EventFacts(
                    UUID.randomUUID(),
                    Instant.parse("2026-11-24T10:00:00Z"),
                    "track",
                    "Product Viewed",
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null));
        }
        return events;
    }

    private static Set<UUID> ids(List<EventFacts> events) {
        return Set.copyOf(events.stream().map(EventFacts::eventId).toList());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
