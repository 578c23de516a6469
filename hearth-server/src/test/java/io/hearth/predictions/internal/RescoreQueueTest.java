package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue of changed customers, on the real rescorer and database. The queue under test is not the
 * application's (which drains itself every second), so what one drain does is exactly observable.
 */
@HearthTest
class RescoreQueueTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    Rescorer rescorer;

    @Autowired
    TrainingSchedule training;

    @Autowired
    PredictionSettings settings;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenant shop;
    RescoreQueue queue;
    SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
        meters = new SimpleMeterRegistry();
        queue = new RescoreQueue(rescorer, training, settings, meters);
    }

    @Test
    void aCustomerChangedManyTimesBeforeADrainIsRescoredOnce() {
        CustomerId ana = customers.identify(api, shop, "ana", "\"name\":\"Ana\"");
        CustomerId ben = customers.identify(api, shop, "ben", "\"name\":\"Ben\"");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        for (int change = 0; change < 5; change++) {
            queue.add(shop.id(), List.of(ana));
        }
        queue.add(shop.id(), List.of(ana, ben));

        assertThat(meters.get("hearth.predictions.rescore.pending").gauge().value())
                .isEqualTo(2);
        assertThat(queue.drain()).isEqualTo(2);
        assertThat(meters.get("hearth.predictions.rescore.changes").counter().count())
                .isEqualTo(7);
        assertThat(meters.get("hearth.predictions.rescored").counter().count()).isEqualTo(2);
        assertThat(meters.get("hearth.predictions.rescore.pending").gauge().value())
                .isZero();
        assertThat(scoredSince(ana, before)).isTrue();
        assertThat(scoredSince(ben, before)).isTrue();
        assertThat(queue.drain()).isZero();
    }

    @Test
    void aCustomerNoLongerThereDoesNotKeepTheOthersOfItsBatchFromTheirScores() {
        CustomerId cleo = customers.identify(api, shop, "cleo", "\"name\":\"Cleo\"");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        queue.add(shop.id(), List.of(CustomerId.of("cus_gone"), cleo));

        assertThat(queue.drain()).isEqualTo(2);
        assertThat(scoredSince(cleo, before)).isTrue();
        assertThat(scoredSince(CustomerId.of("cus_gone"), Instant.EPOCH)).isFalse();
    }

    /**
     * Two shops with three batches each: a drain takes a batch of each in turn, so both shops' first
     * customers are scored before either shop's last, whichever shop the drain happens to start with.
     */
    @Test
    void shopsTakeTurnsBatchByBatch() {
        TestTenant other = tenants.create();
        List<CustomerId> shopEnds = backlog(shop, "s");
        List<CustomerId> otherEnds = backlog(other, "o");
        // The application's own queue scores them after identification; let it finish first.
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        scoredSince(shop, shopEnds, Instant.EPOCH) && scoredSince(other, otherEnds, Instant.EPOCH));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertThat(queue.drain()).isEqualTo(2 * (2 * RescoreQueue.BATCH + 2));
        assertThat(scoredSince(shop, shopEnds, before) && scoredSince(other, otherEnds, before))
                .isTrue();

        Instant firstsDone = max(scoredAt(shop, shopEnds.get(0)), scoredAt(other, otherEnds.get(0)));
        Instant lastsBegun = min(scoredAt(shop, shopEnds.get(1)), scoredAt(other, otherEnds.get(1)));
        assertThat(firstsDone).isBefore(lastsBegun);
        assertThat(meters.get("hearth.predictions.rescore.pending").gauge().value())
                .isZero();
    }

    /** A real customer, two batches of customers without profiles, another real customer: both returned. */
    private List<CustomerId> backlog(TestTenant tenant, String prefix) {
        CustomerId first = customers.identify(api, tenant, prefix + "-first", "\"name\":\"First\"");
        CustomerId last = customers.identify(api, tenant, prefix + "-last", "\"name\":\"Last\"");
        List<CustomerId> waiting = new java.util.ArrayList<>();
        waiting.add(first);
        for (int i = 0; i < 2 * RescoreQueue.BATCH; i++) {
            waiting.add(CustomerId.of("cus_" + prefix + "_absent_" + i));
        }
        waiting.add(last);
        queue.add(tenant.id(), waiting);
        return List.of(first, last);
    }

    private boolean scoredSince(TestTenant tenant, List<CustomerId> ends, Instant since) {
        return TenantContext.call(
                        tenant.id(),
                        () -> jdbc.sql(
                                        "select count(*) from predictions_score where customer_id in (:c) and scored_at >= :at")
                                .param("c", ends.stream().map(CustomerId::value).toList())
                                .param("at", Timestamp.from(since))
                                .query(Long.class)
                                .single())
                == ends.size();
    }

    private Instant scoredAt(TestTenant tenant, CustomerId customer) {
        return TenantContext.call(
                tenant.id(),
                () -> jdbc.sql("select scored_at from predictions_score where customer_id = :c")
                        .param("c", customer.value())
                        .query(Timestamp.class)
                        .single()
                        .toInstant());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private boolean scoredSince(CustomerId customer, Instant since) {
        return TenantContext.call(
                        shop.id(),
                        () -> jdbc.sql(
                                        "select count(*) from predictions_score where customer_id = :c and scored_at >= :at")
                                .param("c", customer.value())
                                .param("at", Timestamp.from(since))
                                .query(Long.class)
                                .single())
                == 1L;
    }
}
