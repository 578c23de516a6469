package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Parallel requests over HTTP against one member, each sent twice under its Idempotency-Key as a
 * client retry would: redemptions never spend more than the member has, and earns of one order
 * under different keys earn it once. Every retry answers its first transaction.
 */
@HearthTest
class LedgerHttpConcurrencyTest {

    static final int REQUESTS = 16;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void parallelRedemptionsWithTheirRetriesSpendOnlyWhatTheMemberHasAndNeverGoNegative() throws Exception {
        api.put("/v1/loyalty/rewards/mug", admin(), "{\"name\": \"Mug\", \"kind\": \"product\", \"cost\": 30}");
        assertThat(post("/v1/loyalty/members/anna/adjustments", "grant", "{\"points\": 100, \"reason\": \"welcome\"}")
                        .status())
                .isEqualTo(201);

        Map<Integer, List<Response>> answers =
                inParallel(i -> post("/v1/loyalty/members/anna/redemptions", "redeem-" + i, "{\"rewardId\": \"mug\"}"));

        List<String> redeemed = new ArrayList<>();
        for (List<Response> pair : answers.values()) {
            assertThat(pair.get(0).status()).isEqualTo(pair.get(1).status());
            if (pair.get(0).status() == 201) {
                assertThat(id(pair.get(1))).isEqualTo(id(pair.get(0)));
                redeemed.add(id(pair.get(0)));
            } else {
                assertThat(pair.get(0).status()).isEqualTo(422);
                assertThat(pair.get(0).body()).contains("loyalty.insufficient-points");
            }
        }
        JsonNode balance = api.get("/v1/loyalty/members/anna", admin()).json().get("balance");
        assertThat(redeemed).hasSize(3).doesNotHaveDuplicates();
        assertThat(balance.get("available").asLong()).isEqualTo(10);
        assertThat(balance.get("redeemed").asLong()).isEqualTo(90);
        assertReconciled();
    }

    @Test
    void parallelEarnsOfOneOrderUnderDifferentKeysEarnItOnceAndEachRetryAnswersLikeItsFirst() throws Exception {
        String order = """
                {"customerId": "bob", "orderId": "o-1", "lines": [{"lineId": "1", "amount": 40}]}""";

        Map<Integer, List<Response>> answers = inParallel(i -> post("/v1/loyalty/orders", "earn-" + i, order));

        long earned = answers.values().stream()
                .filter(pair -> pair.get(0).status() == 201)
                .count();
        for (List<Response> pair : answers.values()) {
            if (pair.get(0).status() == 201) {
                assertThat(id(pair.get(1))).isEqualTo(id(pair.get(0)));
            } else {
                assertThat(pair.get(0).status()).isEqualTo(409);
                assertThat(pair.get(0).body()).contains("loyalty.order-already-earned");
            }
        }
        assertThat(earned).isEqualTo(1);
        assertThat(api.get("/v1/loyalty/members/bob", admin())
                        .json()
                        .get("balance")
                        .get("pending")
                        .asLong())
                .isEqualTo(40);
        assertReconciled();
    }

    // Each request i is sent twice under the same key, by two threads released at the same moment.
    private Map<Integer, List<Response>> inParallel(IntFunction<Response> request) throws Exception {
        Map<Integer, List<Response>> answers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * REQUESTS)) {
            for (int i = 0; i < 2 * REQUESTS; i++) {
                int index = i / 2;
                work.add(pool.submit(() -> {
                    start.await();
                    Response answer = request.apply(index);
                    answers.computeIfAbsent(index, key -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(answer);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get();
            }
        }
        return answers;
    }

    private Response post(String path, String key, String body) {
        return api.postBytes(path, admin(), body.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", key);
    }

    private static String id(Response response) {
        return response.json().get("transactionId").asString();
    }

    private void assertReconciled() {
        JsonNode report = api.post("/v1/loyalty/reconciliation", admin(), "").json();
        assertThat(report.get("differences").size()).isZero();
        assertThat(report.get("unbalancedTransactions").size()).isZero();
    }

    private String admin() {
        return bearer(shop.adminKey());
    }
}
