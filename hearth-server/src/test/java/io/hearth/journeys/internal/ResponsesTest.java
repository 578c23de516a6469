package io.hearth.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.messaging.Attribution;
import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.SentMessage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens reach the agent's response rows whichever commits first: the open, or the journey step that
 * sent the message (image-fetching mail clients open within milliseconds of delivery, while the step's
 * transaction is still open).
 */
@HearthTest
class ResponsesTest {

    private static final String TEMPLATE = "offer";

    @Autowired
    TestTenants tenants;

    @Autowired
    Responses responses;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenReportedWhileTheSendingStepIsUncommittedCounts() throws Exception {
        TestTenant shop = tenants.create();
        CustomerId customer = CustomerId.random();
        SentMessage message = message();
        CountDownLatch sentButUncommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> step = CompletableFuture.runAsync(() -> TenantContext.run(
                shop.id(),
                () -> transactions.executeWithoutResult(status -> {
                    responses.sent(shop.id(), customer, "nudges", message, Instant.now());
                    sentButUncommitted.countDown();
                    awaitQuietly(commit);
                })));
        assertThat(sentButUncommitted.await(10, TimeUnit.SECONDS)).isTrue();

        events.publishEvent(opened(shop, customer, message));
        await().atMost(Duration.ofSeconds(10)).until(this::waitingOnALock);
        commit.countDown();
        step.get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> counts(shop, customer).customerEngaged() == 1);
        assertThat(counts(shop, customer)).isEqualTo(new Responses.Counts(1, 1, 1, 1));
    }

    @Test
    void anOpenCommittedBeforeTheSendingStepCountsOnceTheStepCommits() {
        TestTenant shop = tenants.create();
        CustomerId customer = CustomerId.random();
        SentMessage message = message();
        events.publishEvent(opened(shop, customer, message));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(shop) == 1);
        assertThat(counts(shop, customer)).isEqualTo(Responses.Counts.NONE);

        TenantContext.run(
                shop.id(),
                () -> transactions.executeWithoutResult(
                        status -> responses.sent(shop.id(), customer, "nudges", message, Instant.now())));

        assertThat(counts(shop, customer)).isEqualTo(new Responses.Counts(1, 1, 1, 1));
        assertThat(TenantContext.call(
                        shop.id(),
                        () -> responses.engagedNewestFirst(
                                shop.id(), customer, Instant.now().plusSeconds(1), 3)))
                .containsExactly(true);
    }

    @Test
    void opensOfMessagesSentOutsideJourneysAreNotKept() {
        TestTenant shop = tenants.create();
        CustomerId customer = CustomerId.random();
        SentMessage message = message();
        events.publishEvent(new MessageEngaged(
                shop.id(),
                message.messageId(),
                customer,
                MessageEngaged.Kind.OPENED,
                Attribution.NONE,
                null,
                Instant.now()));
        events.publishEvent(opened(shop, customer, message()));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(shop) == 1);
        assertThat(rows(shop)).isEqualTo(1);
    }

    private Responses.Counts counts(TestTenant shop, CustomerId customer) {
        return TenantContext.call(
                shop.id(),
                () -> responses
                        .counts(shop.id(), customer, List.of(TEMPLATE))
                        .getOrDefault(TEMPLATE + "/" + MessageChannel.EMAIL.key(), Responses.Counts.NONE));
    }

    private long rows(TestTenant shop) {
        return TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select count(*) from journeys_response where tenant_id = :tenant")
                        .param("tenant", shop.id().value())
                        .query(Long.class)
                        .single());
    }

    /** Whether the open's write is blocked on the step's uncommitted row. */
    private boolean waitingOnALock() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and query like '%journeys_response%'
                """).query(Long.class).single() > 0;
    }

    private static MessageEngaged opened(TestTenant shop, CustomerId customer, SentMessage message) {
        return new MessageEngaged(
                shop.id(),
                message.messageId(),
                customer,
                MessageEngaged.Kind.OPENED,
                message.attribution(),
                null,
                Instant.now());
    }

    private static SentMessage message() {
        Instant now = Instant.now();
        return new SentMessage(
                UUID.randomUUID(),
                TEMPLATE,
                MessageChannel.EMAIL,
                TEMPLATE + "@1",
                new Attribution("nudges", "nudge", null),
                MessageStatus.SENT,
                null,
                1,
                now,
                now);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
