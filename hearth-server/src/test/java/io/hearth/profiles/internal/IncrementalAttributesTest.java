package io.hearth.profiles.internal;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activity attributes updated in place, batch after batch and from parallel senders whose batches are
 * coalesced, end exactly where a recomputation from every event ends.
 */
@HearthTest
class IncrementalAttributesTest {

    private static final int SENDERS = 6;
    private static final int BATCHES = 8;
    private static final int EVENTS = 25;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void updatesInPlaceEqualARecomputation() throws Exception {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                int from = sender;
                answers.add(senders.submit(() -> sendBatches(api, shop, from)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        int total = SENDERS * BATCHES * EVENTS;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> snapshot(shop).stream()
                                .mapToLong(row -> ((Number) row.get("events_count")).longValue())
                                .sum()
                        == total);
        List<Map<String, Object>> inPlace = snapshot(shop);

        TenantContext.run(
                shop.id(),
                () -> transactions.executeWithoutResult(status -> store.recompute(
                        inPlace.stream()
                                .map(row -> CustomerId.of((String) row.get("customer_id")))
                                .toList(),
                        Instant.now())));

        assertThat(inPlace).hasSizeGreaterThan(5);
        assertThat(snapshot(shop)).isEqualTo(inPlace);
    }

    /** Every sender writes about the same customers, with categories, channels, orders and merges. */
    private static int sendBatches(Api api, TestTenant shop, int sender) {
        int status = 200;
        for (int batch = 0; batch < BATCHES; batch++) {
            StringBuilder body = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < EVENTS; i++) {
                body.append(i == 0 ? "" : ",").append(event(sender, batch, i));
            }
            int answer = api.post(
                            "/v1/batch",
                            basic(shop.writeKey()),
                            body.append("]}").toString())
                    .status();
            status = answer == 200 ? status : answer;
        }
        return status;
    }

    private static String event(int sender, int batch, int i) {
        String user = "user-" + (i % 7);
        String at = Instant.parse("2026-10-01T00:00:00Z")
                .plusSeconds(3600L * batch + 60L * i + sender)
                .toString();
        return switch (i % 5) {
            case 0 ->
                "{\"type\":\"track\",\"userId\":\"" + user + "\",\"event\":\"Product Viewed\",\"timestamp\":\"" + at
                        + "\",\"properties\":{\"product_id\":\"p" + i + "\",\"category\":\"cat-" + (i % 3) + "\"}}";
            case 1 ->
                "{\"type\":\"track\",\"userId\":\"" + user + "\",\"event\":\"Email Opened\",\"timestamp\":\"" + at
                        + "\",\"properties\":{}}";
            case 2 ->
                "{\"type\":\"page\",\"anonymousId\":\"visitor-" + sender + "-" + (i % 4) + "\",\"name\":\"Home\","
                        + "\"timestamp\":\"" + at + "\"}";
            case 3 ->
                "{\"type\":\"identify\",\"userId\":\"" + user + "\",\"anonymousId\":\"visitor-" + sender + "-" + (i % 4)
                        + "\",\"timestamp\":\"" + at + "\",\"traits\":{}}";
            default ->
                "{\"type\":\"track\",\"userId\":\"" + user + "\",\"event\":\"Order Completed\",\"timestamp\":\""
                        + at + "\",\"properties\":{\"order_id\":\"o-" + sender + "-" + batch + "-" + i
                        + "\",\"total\":\"10.00\",\"products\":[{\"product_id\":\"p\",\"category\":\"cat-9\"}]}}";
        };
    }

    private List<Map<String, Object>> snapshot(TestTenant shop) {
        return TenantContext.call(
                shop.id(),
                () -> transactions.execute(status -> jdbc.sql("""
                        select customer_id, events_count, last_seen_at, categories::text as categories,
                               channels::text as channels, orders_count, revenue::text as revenue
                        from profiles_customer where merged_into is null order by customer_id
                        """).query().listOfRows()));
    }
}
