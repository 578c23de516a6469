package io.hearth.journeys;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A burst of first purchases of new customers, sent as parallel single calls, fills the consumers'
 * queue so that ingestion's own threads run profile building: every order still starts its journey
 * run, and every profile change reaches its listeners (no event publication is left incomplete).
 */
@HearthTest
// Two consumer threads and a queue of two, so that the burst surely fills the queue whatever the
// default pool size: the storing threads must run the consumers themselves.
@TestPropertySource(properties = {"hearth.ingestion.consumers.threads=2", "hearth.ingestion.consumers.queue=2"})
class PurchaseBurstTest {

    private static final int PURCHASES = 400;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPurchaseOfABurstStartsItsRunAndNoPublicationIsLeftBehind() throws Exception {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        journeys.publish(shop.id(), "welcome", """
                trigger: {type: order, status: placed}
                entry: {reentry: true, maxConcurrent: 100}
                steps:
                  - {id: pause, type: wait, duration: PT1H}
                """);
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < PURCHASES; i++) {
                String user = "buyer-" + i;
                String body = "{\"userId\":\"" + user + "\",\"event\":\"Order Completed\",\"messageId\":\"" + user
                        + "\",\"properties\":{\"order_id\":\"O-" + i + "\",\"total\":20}}";
                answers.add(senders.submit(() ->
                        api.post("/v1/track", basic(shop.writeKey()), body).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(journeys.stats(shop.id(), "welcome").total("entered"))
                            .isEqualTo(PURCHASES);
                    assertThat(incompletePublicationsOf(shop)).isZero();
                });
    }

    private long incompletePublicationsOf(TestTenant shop) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like :tenant")
                .param("tenant", "%" + shop.id().value() + "%")
                .query(Long.class)
                .single();
    }
}
