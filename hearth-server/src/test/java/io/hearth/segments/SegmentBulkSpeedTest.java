package io.hearth.segments;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Measures a bulk evaluation over profiles stored in the database (the in-memory speed of CEL alone
 * is measured by {@code SegmentEvaluationSpeedTest}); prints the time, asserts only the result.
 */
@HearthTest
class SegmentBulkSpeedTest {

    static final int PROFILES = 5_000;
    static final int BATCH = 500;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Test
    void savingASegmentEvaluatesEveryStoredProfile() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        for (int from = 0; from < PROFILES; from += BATCH) {
            assertThat(api.post("/v1/batch", basic(shop.writeKey()), identifies(from, BATCH))
                            .status())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count(shop.id()) == PROFILES);

        Response none = create(api, shop, "nobody", "customer.traits.visits > 100");
        Response gold = create(api, shop, "gold", "customer.traits.plan == 'gold' && customer.traits.visits > 3");

        report("matching nobody (reads and evaluates only)", none);
        report("matching 30% (also writes 1,500 entries and their events)", gold);
        assertThat(none.json().get("memberCount").asLong()).isZero();
        assertThat(gold.json().get("evaluation").get("profilesEvaluated").asLong())
                .isEqualTo(PROFILES);
        assertThat(gold.json().get("memberCount").asLong()).isEqualTo(PROFILES * 6 / 10 / 2);
    }

    static Response create(Api api, TestTenant shop, String name, String expression) {
        Response created = api.post(
                "/v1/segments",
                bearer(shop.adminKey()),
                "{\"name\":\"" + name + "\",\"expression\":\"" + expression + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    static void report(String what, Response created) {
        JsonNode evaluation = created.json().get("evaluation");
        long millis = evaluation.get("millis").asLong();
        System.out.printf(
                "segment bulk, %s: %,d stored profiles in %,d ms (%.0f µs each; 100k would take about %.0f s)%n",
                what,
                evaluation.get("profilesEvaluated").asLong(),
                millis,
                millis * 1000.0 / PROFILES,
                millis * 100_000.0 / PROFILES / 1000);
    }

    /** Customers alternate gold and basic plans; visits run 0–9. */
    static String identifies(int from, int count) {
        StringJoiner batch = new StringJoiner(",", "{\"batch\":[", "]}");
        for (int i = from; i < from + count; i++) {
            batch.add("{\"type\":\"identify\",\"userId\":\"bulk-" + i + "\",\"traits\":{\"plan\":\""
                    + (i % 2 == 0 ? "gold" : "basic") + "\",\"visits\":" + (i / 2 % 10) + "}}");
        }
        return batch.toString();
    }

    long count(TenantId tenant) {
        long count = 0;
        CustomerId after = null;
        for (List<CustomerId> page = profiles.customerIds(tenant, 1000, null);
                !page.isEmpty();
                page = profiles.customerIds(tenant, 1000, after)) {
            count += page.size();
            after = page.getLast();
        }
        return count;
    }
}
