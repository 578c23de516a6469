package io.hearth.privacy;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.platform.DatabaseAddress;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HearthTest
class DecisionLogTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    DatabaseAddress database;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShop() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void decisionsAppendedInParallelFormOneUnbrokenChain() throws Exception {
        int appends = 48;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RecordedDecision>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < appends; i++) {
                CustomerId customer = CustomerId.of("cust-" + (i % 5));
                int score = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return privacy.recordDecision(shop.id(), churnScore(customer, score));
                }));
            }
            start.countDown();
            for (Future<RecordedDecision> result : results) {
                result.get();
            }
        }

        ChainVerification verification = privacy.verifyChain(shop.id());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isEqualTo(appends);
        assertThat(results.stream().map(this::sequence).distinct()).hasSize(appends);
    }

    @Test
    void changingARowBehindTheApplicationsBackIsReportedAtThatRow() throws Exception {
        CustomerId customer = CustomerId.of("mia");
        for (int i = 0; i < 3; i++) {
            privacy.recordDecision(shop.id(), churnScore(customer, i));
        }
        RecordedDecision second =
                privacy.decisions(shop.id(), customer, 10, null).decisions().get(1);

        asOwner("update privacy_decision set outcome = 'offer:free-shipping' where tenant_id = ? and sequence = 2");

        ChainVerification verification = privacy.verifyChain(shop.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.checked()).isEqualTo(1);
        assertThat(verification.broken()).hasValueSatisfying(link -> {
            assertThat(link.sequence()).isEqualTo(2);
            assertThat(link.decisionId()).isEqualTo(second.decisionId());
        });
        JsonNode answer =
                api.get("/v1/decisions/verify", bearer(shop.adminKey())).json();
        assertThat(answer.get("intact").asBoolean()).isFalse();
        assertThat(answer.get("firstBroken").get("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void removingTheNewestRowIsReportedToo() throws Exception {
        CustomerId customer = CustomerId.of("ned");
        for (int i = 0; i < 3; i++) {
            privacy.recordDecision(shop.id(), churnScore(customer, i));
        }

        asOwner("delete from privacy_decision where tenant_id = ? and sequence = 3");

        assertThat(privacy.verifyChain(shop.id()).broken())
                .hasValueSatisfying(link -> assertThat(link.sequence()).isEqualTo(3));
    }

    @Test
    void theApplicationRoleCannotRewriteOrDeleteDecisions() {
        privacy.recordDecision(shop.id(), churnScore(CustomerId.of("ola"), 1));

        assertThatThrownBy(() -> inTenant(shop.id(), "update privacy_decision set outcome = 'rewritten'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table privacy_decision");
        assertThatThrownBy(() -> inTenant(shop.id(), "delete from privacy_decision"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table privacy_decision");
        assertThat(privacy.verifyChain(shop.id()).intact()).isTrue();
    }

    @Test
    void aCustomersDecisionsArePagedNewestFirst() {
        CustomerId pia = CustomerId.of("pia");
        for (int i = 1; i <= 5; i++) {
            privacy.recordDecision(shop.id(), churnScore(pia, i));
        }
        privacy.recordDecision(shop.id(), churnScore(CustomerId.of("someone-else"), 9));

        List<String> outcomes = new ArrayList<>();
        String next = "";
        int pages = 0;
        do {
            String cursor = next.isEmpty() ? "" : "&cursor=" + next;
            Response page = api.get("/v1/customers/pia/decisions?limit=2" + cursor, bearer(shop.adminKey()));
            assertThat(page.status()).isEqualTo(200);
            page.json()
                    .get("data")
                    .values()
                    .forEach(decision -> outcomes.add(decision.get("outcome").asString()));
            JsonNode nextCursor = page.json().get("next");
            next = nextCursor == null || nextCursor.isNull() ? "" : nextCursor.asString();
            pages++;
        } while (!next.isEmpty());

        assertThat(outcomes).containsExactly("score:5", "score:4", "score:3", "score:2", "score:1");
        assertThat(pages).isEqualTo(3);
        JsonNode first = api.get("/v1/customers/pia/decisions?limit=1", bearer(shop.adminKey()))
                .json()
                .get("data")
                .get(0);
        assertThat(first.get("type").asString()).isEqualTo("prediction.served");
        assertThat(first.get("inputs").get("orders").asInt()).isEqualTo(5);
        assertThat(first.get("hash").asString()).hasSize(64);
    }

    @Test
    void badPagingIsAProblemNamingTheParameter() {
        Response badCursor = api.get("/v1/customers/pia/decisions?cursor=abc", bearer(shop.adminKey()));
        Response badLimit = api.get("/v1/customers/pia/decisions?limit=0", bearer(shop.adminKey()));

        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("cursor");
        assertThat(badLimit.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("limit");
    }

    @Test
    void verifyingTheChainTakesTheAdminScope() {
        String readOnly = tenantManagement
                .createApiKey(shop.id(), "reader", EnumSet.of(Scope.READ), null)
                .secret();

        assertThat(api.get("/v1/decisions/verify", bearer(readOnly)).status()).isEqualTo(403);
        assertThat(api.get("/v1/customers/x/decisions", bearer(readOnly)).status())
                .isEqualTo(200);
        assertThat(api.get("/v1/decisions/verify", bearer(shop.adminKey()))
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void inputsLargerThan8KbAreRefused() {
        JsonNode huge = JSON.readTree("{\"notes\":\"" + "x".repeat(9000) + "\"}");
        Decision decision = new Decision(
                CustomerId.of("quin"), "offer.chosen", huge, "bandit@3", "offer:10-off", "highest sample", null);

        assertThatThrownBy(() -> privacy.recordDecision(shop.id(), decision))
                .isInstanceOfSatisfying(
                        HearthProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(PrivacyProblem.DECISION_INPUTS_TOO_LARGE));
    }

    private static Decision churnScore(CustomerId customer, int orders) {
        JsonNode inputs = JSON.readTree("{\"orders\": %d, \"daysSinceLastOrder\": 40}".formatted(orders));
        return new Decision(
                customer,
                "prediction.served",
                inputs,
                "churn-gbm@2026-11-20",
                "score:" + orders,
                "few orders and a long pause",
                null);
    }

    private long sequence(Future<RecordedDecision> result) {
        try {
            return result.get().sequence();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void asOwner(String sql) throws Exception {
        try (Connection owner =
                        DriverManager.getConnection(database.url(), database.ownerUser(), database.ownerPassword());
                PreparedStatement statement = owner.prepareStatement(sql)) {
            statement.setObject(1, shop.id().value());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private int inTenant(TenantId tenant, String sql) {
        return TenantContext.call(tenant, () -> jdbc.sql(sql).update());
    }
}
