package io.hearth.ingestion;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The official Segment Java library, unmodified but for its endpoint, sends to Hearth. */
@HearthTest
class SegmentLibraryCompatibilityTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void everyCallOfTheSegmentJavaLibraryIsStored() throws InterruptedException {
        TestTenant shop = tenants.create();
        CountDownLatch delivered = new CountDownLatch(6);
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> lastFailure =
                new java.util.concurrent.atomic.AtomicReference<>("");
        Analytics analytics = Analytics.builder(shop.writeKey())
                .endpoint("http://localhost:" + port)
                .flushQueueSize(50)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.incrementAndGet();
                        lastFailure.set(String.valueOf(throwable));
                        delivered.countDown();
                    }
                })
                .build();

        analytics.enqueue(IdentifyMessage.builder().userId("lib-user").traits(Map.of("email", "ada@example.com")));
        analytics.enqueue(TrackMessage.builder("Order Completed")
                .userId("lib-user")
                .properties(Map.of(
                        "order_id",
                        "lib-1",
                        "total",
                        42.5,
                        "currency",
                        "EUR",
                        "products",
                        List.of(Map.of("product_id", "p-9", "price", 21.25, "quantity", 2)))));
        analytics.enqueue(PageMessage.builder("Home").anonymousId("lib-anon"));
        analytics.enqueue(ScreenMessage.builder("Cart").userId("lib-user"));
        analytics.enqueue(GroupMessage.builder("org-1").userId("lib-user"));
        analytics.enqueue(AliasMessage.builder("lib-anon").userId("lib-user"));
        analytics.flush();

        assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        analytics.shutdown();
        assertThat(failures).as(lastFailure::get).hasValue(0);
        JsonNode events = new Api(port)
                .get("/v1/events?limit=50", bearer(shop.adminKey()))
                .json()
                .get("data");
        assertThat(events.values().stream().map(event -> event.get("type").asString()))
                .containsExactlyInAnyOrder("identify", "track", "page", "screen", "group", "alias");
        JsonNode order = events.values().stream()
                .filter(event -> "track".equals(event.get("type").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(order.get("properties").get("total").decimalValue()).isEqualByComparingTo("42.5");
        assertThat(order.get("context").get("library").get("name").asString()).isEqualTo("analytics-java");
    }
}
