package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
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
