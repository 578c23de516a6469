package io.hearth.tenancy;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HearthTest
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantManagement tenantManagement;

    @Test
    void aKeyOverItsRateGets429WithRetryAfterWhileOtherKeysAreUnaffected() throws Exception {
        TestTenant shop = tenants.create();
        String limited = tenantManagement
                .createApiKey(shop.id(), "slow", java.util.Set.of(io.hearth.shared.Scope.READ), null)
                .secret();
        io.hearth.shared.TenantContext.run(
                shop.id(),
                () -> jdbc.sql("update tenancy_api_key set rate_per_second = 5 where name = 'slow'")
                        .update());
        Api api = new Api(port);

        List<Response> answers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.submit(() -> api.get("/v1/events?limit=1", bearer(limited))));
            }
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Response other = api.get("/v1/events?limit=1", bearer(shop.adminKey()));

        List<Response> refused =
                answers.stream().filter(answer -> answer.status() == 429).toList();
        assertThat(refused).isNotEmpty();
        // A burst of 5, then 5 more per second for as long as the calls took on this machine.
        long allowed = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(allowed).isBetween(5L, 5L + (long) Math.ceil(5 * seconds) + 1);
        assertThat(refused.get(0).header("Retry-After")).isEqualTo("1");
        assertThat(refused.get(0).json().get("code").asString()).isEqualTo("tenancy.rate-limited");
        assertThat(other.status()).isEqualTo(200);
    }
}
