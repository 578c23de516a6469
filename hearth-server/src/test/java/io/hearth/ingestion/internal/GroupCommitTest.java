package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The coalescing of single calls, against an appender the test controls. */
class GroupCommitTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final UUID SOURCE = UUID.randomUUID();

    @Test
    void callsQueuedDuringACommitShareTheNextOneAndAreAnsweredAfterIt() throws Exception {
        CountDownLatch firstCommitEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        List<List<PendingEvent>> commits = new CopyOnWriteArrayList<>();
        GroupCommit.Appender appender = (tenant, source, events) -> {
            commits.add(List.copyOf(events));
            firstCommitEntered.countDown();
            await(releaseFirstCommit);
            return ids(events);
        };
        try (GroupCommit groupCommit = new GroupCommit(appender, settings(1));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> first = callers.submit(() -> groupCommit.store(TENANT, SOURCE, event("m-0")));
            assertThat(firstCommitEntered.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> waiting = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                PendingEvent event = event("m-" + i);
                waiting.add(callers.submit(() -> groupCommit.store(TENANT, SOURCE, event)));
            }
            awaitTrue(() -> groupCommit.queued() == 10);

            assertThat(first.isDone()).as("answered before its commit").isFalse();
            releaseFirstCommit.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> call : waiting) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(commits).extracting(List::size).containsExactly(1, 10);
        }
    }

    @Test
    void anEventTheAppenderDidNotStoreIsAnsweredAsADuplicate() {
        GroupCommit.Appender keepsNothing = (tenant, source, events) -> Set.of();
        try (GroupCommit groupCommit = new GroupCommit(keepsNothing, settings(2))) {
            assertThat(groupCommit.store(TENANT, SOURCE, event("known"))).isFalse();
        }
    }

    @Test
    void aFailedCommitFailsEveryCallInIt() {
        GroupCommit.Appender fails = (tenant, source, events) -> {
            throw new IllegalStateException("database gone");
        };
        try (GroupCommit groupCommit = new GroupCommit(fails, settings(2))) {
            assertThatThrownBy(() -> groupCommit.store(TENANT, SOURCE, event("lost")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("database gone");
        }
    }

    @Test
    void eventsOfDifferentTenantsAreNeverInTheSameStatement() throws Exception {
        CountDownLatch firstCommitEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        List<TenantId> committedFor = new CopyOnWriteArrayList<>();
        GroupCommit.Appender appender = (tenant, source, events) -> {
            committedFor.add(tenant);
            firstCommitEntered.countDown();
            await(releaseFirstCommit);
            return ids(events);
        };
        TenantId other = new TenantId(UUID.randomUUID());
        try (GroupCommit groupCommit = new GroupCommit(appender, settings(1));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> first = callers.submit(() -> groupCommit.store(TENANT, SOURCE, event("a")));
            assertThat(firstCommitEntered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> mine = callers.submit(() -> groupCommit.store(TENANT, SOURCE, event("b")));
            Future<Boolean> theirs = callers.submit(() -> groupCommit.store(other, SOURCE, event("c")));
            awaitTrue(() -> groupCommit.queued() == 2);
            releaseFirstCommit.countDown();

            assertThat(List.of(
                            first.get(10, TimeUnit.SECONDS),
                            mine.get(10, TimeUnit.SECONDS),
                            theirs.get(10, TimeUnit.SECONDS)))
                    .containsOnly(true);
            assertThat(committedFor).hasSize(3).containsOnly(TENANT, other);
        }
    }

    @Test
    void closingCommitsWhatWasQueuedAndRefusesNewCalls() throws Exception {
        List<String> committed = new CopyOnWriteArrayList<>();
        GroupCommit.Appender appender = (tenant, source, events) -> {
            events.forEach(event -> committed.add(event.messageId()));
            return ids(events);
        };
        GroupCommit groupCommit = new GroupCommit(appender, settings(2));
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                PendingEvent event = event("c-" + i);
                calls.add(callers.submit(() -> groupCommit.store(TENANT, SOURCE, event)));
            }
            awaitTrue(() -> committed.size() + groupCommit.queued() > 0);
            groupCommit.close();

            for (int i = 0; i < calls.size(); i++) {
                try {
                    assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isTrue();
                    assertThat(committed).contains("c-" + i);
                } catch (ExecutionException refused) {
                    assertThat(refused).hasRootCauseMessage("ingestion is shutting down");
                    assertThat(committed).doesNotContain("c-" + i);
                }
            }
        }
        assertThatThrownBy(() -> groupCommit.store(TENANT, SOURCE, event("late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ingestion is shutting down");
        assertThat(committed).doesNotContain("late");
    }

    private static GroupCommitSettings settings(int committers) {
        return new GroupCommitSettings(true, 500, Duration.ZERO, committers);
    }

    private static PendingEvent event(String messageId) {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        return new PendingEvent(UUID.randomUUID(), messageId, "track", "E", "u", null, now, now, "{}");
    }

    private static Set<UUID> ids(List<PendingEvent> events) {
        Set<UUID> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.eventId()));
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
