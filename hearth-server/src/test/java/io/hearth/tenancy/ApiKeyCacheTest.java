package io.hearth.tenancy;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.Scope;
import io.hearth.shared.TenantContext;
import io.hearth.tenancy.internal.VerifiedKeys;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verified keys are remembered for {@link VerifiedKeys#TTL} so that requests skip the database; these
 * stories check that remembering never outlives what it must not: a revocation, a changed scope, a
 * new key, and each key's own rate limit.
 */
@HearthTest
class ApiKeyCacheTest {

    private static final String EVENTS = "/v1/events?limit=1";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aKeyRevokedThroughTheApiIsRefusedOnTheVeryNextRequestAlthoughItWasJustVerified() {
        TestTenant shop = tenants.create();
        IssuedKey reader = tenantManagement.createApiKey(shop.id(), "reader", Set.of(Scope.READ), null);
        Api api = new Api(port);
        assertThat(api.get(EVENTS, bearer(reader.secret())).status()).isEqualTo(200);

        Response revoked = api.delete("/v1/api-keys/" + reader.id(), bearer(shop.adminKey()));
        Response after = api.get(EVENTS, bearer(reader.secret()));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("code").asString()).isEqualTo("tenancy.unauthenticated");
        assertThat(api.get(EVENTS, bearer(shop.adminKey())).status())
                .as("the tenant's other keys stay remembered and valid")
                .isEqualTo(200);
    }

    @Test
    void aScopeChangedBehindTheServersBackAppliesOnceTheRememberedKeyExpires() {
        TestTenant shop = tenants.create();
        IssuedKey reader = tenantManagement.createApiKey(shop.id(), "narrowed", Set.of(Scope.READ), null);
        Api api = new Api(port);
        assertThat(api.get(EVENTS, bearer(reader.secret())).status()).isEqualTo(200);
        // As another node or an operator would: no call on this node says the key changed.
        TenantContext.run(
                shop.id(),
                () -> jdbc.sql("update tenancy_api_key set scopes = '{ingest}' where key_id = :key")
                        .param("key", reader.id())
                        .update());

        int withinTtl = api.get(EVENTS, bearer(reader.secret())).status();
        clock.advance(VerifiedKeys.TTL.plusSeconds(1));
        Response afterTtl = api.get(EVENTS, bearer(reader.secret()));

        assertThat(withinTtl).as("remembered for up to the TTL").isEqualTo(200);
        assertThat(afterTtl.status()).isEqualTo(403);
        assertThat(afterTtl.json().get("code").asString()).isEqualTo("tenancy.forbidden");
    }

    @Test
    void aTokenRefusedBeforeItsKeyExistedWorksAsSoonAsTheKeyIsCreated() {
        TestTenant shop = tenants.create();
        String token = "hk_cache_test_" + shop.id().value().toString().replace("-", "");
        Api api = new Api(port);
        assertThat(api.get(EVENTS, bearer(token)).status()).isEqualTo(401);

        tenantManagement.createApiKey(shop.id(), "late", Set.of(Scope.READ), token);

        assertThat(api.get(EVENTS, bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void rateLimitsStayPerKeyWhileKeysAreServedFromMemory() throws Exception {
        TestTenant shop = tenants.create();
        IssuedKey slow = tenantManagement.createApiKey(shop.id(), "slow", Set.of(Scope.READ), null);
        IssuedKey fast = tenantManagement.createApiKey(shop.id(), "fast", Set.of(Scope.READ), null);
        TenantContext.run(
                shop.id(),
                () -> jdbc.sql("update tenancy_api_key set rate_per_second = 3 where key_id = :key")
                        .param("key", slow.id())
                        .update());
        Api api = new Api(port);
        assertThat(api.get(EVENTS, bearer(slow.secret())).status()).isEqualTo(200);
        assertThat(api.get(EVENTS, bearer(fast.secret())).status()).isEqualTo(200);

        List<Integer> slowAnswers = burst(api, slow.secret(), 24);
        List<Integer> fastAnswers = burst(api, fast.secret(), 24);

        assertThat(slowAnswers).contains(429);
        assertThat(fastAnswers).containsOnly(200);
    }

    private static List<Integer> burst(Api api, String token, int calls) throws Exception {
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                pending.add(pool.submit(() -> api.get(EVENTS, bearer(token))));
            }
            for (Future<Response> answer : pending) {
                answers.add(answer.get().status());
            }
        }
        return answers;
    }
}
