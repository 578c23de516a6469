package io.hearth.profiles;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
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
import tools.jackson.databind.JsonNode;

/**
 * One person shows up at once on several devices, each with its own anonymous id, and each device
 * later links to the same email: however the calls interleave, there ends up one profile with every
 * event, and no event is lost in the merges.
 */
@HearthTest
class IdentityConcurrencyTest {

    private static final int DEVICES = 12;
    private static final int EVENTS_PER_DEVICE = 10;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void parallelEventsThroughDifferentIdentifiersEndInOneProfile() throws Exception {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        try (ExecutorService pool = Executors.newFixedThreadPool(DEVICES)) {
            List<Future<?>> devices = new ArrayList<>();
            for (int device = 0; device < DEVICES; device++) {
                int d = device;
                devices.add(pool.submit(() -> browseThenSignIn(api, shop, d)));
            }
            for (Future<?> device : devices) {
                device.get();
            }
        }
        int expectedEvents = DEVICES * (EVENTS_PER_DEVICE + 1);

        JsonNode profile = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/v1/customers/lookup?email=one.person@example.com", bearer(shop.adminKey()))
                                .json(),
                        found -> found.has("computed")
                                && found.get("computed").get("eventsCount").asLong() == expectedEvents);

        for (int device = 0; device < DEVICES; device++) {
            JsonNode viaDevice = api.get("/v1/customers/lookup?anonymousId=device-" + device, bearer(shop.adminKey()))
                    .json();
            assertThat(viaDevice.get("customerId")).isEqualTo(profile.get("customerId"));
        }
        assertThat(profile.get("identifiers")).hasSize(DEVICES + 2);
    }

    private static void browseThenSignIn(Api api, TestTenant shop, int device) {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < EVENTS_PER_DEVICE; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"page\",\"anonymousId\":\"device-")
                    .append(device)
                    .append("\",\"name\":\"P")
                    .append(i)
                    .append("\"}");
        }
        api.post("/v1/batch", basic(shop.writeKey()), batch.append("]}").toString());
        String link = device % 2 == 0
                ? "{\"anonymousId\":\"device-" + device + "\",\"traits\":{\"email\":\"One.Person@example.com\"}}"
                : "{\"anonymousId\":\"device-" + device
                        + "\",\"userId\":\"one-person\",\"traits\":{\"email\":\"one.person@example.com\"}}";
        api.post("/v1/identify", basic(shop.writeKey()), link);
    }
}
