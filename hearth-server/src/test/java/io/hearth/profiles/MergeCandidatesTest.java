package io.hearth.profiles;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Two sign-ups by one person with different user ids and emails but the same name and address and a
 * mistyped phone: nothing identifies them as one, so they wait in the review queue until someone
 * accepts or rejects the pair.
 */
@HearthTest
class MergeCandidatesTest {

    private static final String ADDRESS =
            "\"address\":{\"street\":\"12 High Street\",\"city\":\"London\",\"postalCode\":\"SW1A 1AA\"}";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void lookAlikeProfilesWaitForReviewAndAcceptingMergesThemReversibly() {
        signUp(shop, "ada-1", "ada@example.com", "Ada", "+44 20 7946 0958", ADDRESS);
        signUp(shop, "ada-2", "lovelace.a@example.org", "Ada", "+44 20 7946 0959", ADDRESS);

        JsonNode candidate = awaitPending(shop).get(0);

        assertThat(candidate.get("score").asDouble()).isGreaterThan(0.95);
        assertThat(candidate.get("similarities").get("phone").asDouble()).isLessThan(1.0);
        assertThat(customerOf("ada-1")).isNotEqualTo(customerOf("ada-2"));

        Response accepted = api.post(decide(candidate, "accept"), bearer(shop.adminKey()), "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
        assertThat(accepted.json().get("mergeId").isNull()).isFalse();
        String survivor = customerOf("ada-1");
        assertThat(customerOf("ada-2")).isEqualTo(survivor);
        JsonNode merge = api.get("/v1/customers/" + survivor + "/merges", bearer(shop.adminKey()))
                .json()
                .get("data")
                .get(0);
        assertThat(merge.get("reason").asString()).startsWith("probabilistic match ");
        assertThat(api.post(decide(candidate, "reject"), bearer(shop.adminKey()), "")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("profiles.merge-candidate-decided");

        Response undone =
                api.post("/v1/customers/" + merge.get("absorbed").asString() + "/unmerge", bearer(shop.adminKey()), "");

        assertThat(undone.status()).isEqualTo(200);
        assertThat(customerOf("ada-1")).isNotEqualTo(customerOf("ada-2"));
    }

    @Test
    void aRejectedPairStaysApartAndIsNeverProposedAgain() {
        signUp(shop, "grace-1", "grace@example.com", "Grace", "+44 20 7946 0100", ADDRESS);
        signUp(shop, "grace-2", "hopper@example.org", "Grace", "+44 20 7946 0101", ADDRESS);
        JsonNode candidate = awaitPending(shop).get(0);

        Response rejected = api.post(decide(candidate, "reject"), bearer(shop.adminKey()), "");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        send(shop, "{\"userId\":\"grace-2\",\"traits\":{\"plan\":\"gold\"}}");
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> lookup("userId=grace-2")
                                .path("traits")
                                .path("plan")
                                .asString(""),
                        "gold"::equals);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> pending(shop).isEmpty());
        assertThat(customerOf("grace-1")).isNotEqualTo(customerOf("grace-2"));
        JsonNode decided = api.get("/v1/merge-candidates?status=rejected", bearer(shop.adminKey()))
                .json()
                .get("data");
        assertThat(decided).hasSize(1);
    }

    @Test
    void relativesAtOneAddressAreNotProposed() {
        signUp(shop, "byron", "byron@example.com", "Byron", "+44 161 496 0000", """
                "address":{"street":"7 Garden Lane","city":"London","postalCode":"SW1A 1AA"}""");
        awaitCustomer("byron");
        signUp(shop, "ada", "ada@example.com", "Ada", "+44 20 7946 0958", ADDRESS);
        signUp(shop, "ada-typo", "ada@example.org", "Adah", "+44 20 7946 0985", ADDRESS);

        awaitPending(shop);

        String byron = customerOf("byron");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> pending(shop).values().stream()
                        .noneMatch(candidate -> List.of(
                                        candidate.get("first").asString(),
                                        candidate.get("second").asString())
                                .contains(byron)));
        assertThat(pending(shop)).hasSize(1);
    }

    @Test
    void readingTheQueueTakesReadScopeAndDecidingTakesAdmin() {
        signUp(shop, "ada-1", "ada@example.com", "Ada", "+44 20 7946 0958", ADDRESS);
        signUp(shop, "ada-2", "lovelace.a@example.org", "Ada", "+44 20 7946 0959", ADDRESS);
        JsonNode candidate = awaitPending(shop).get(0);
        String reader = tenantManagement
                .createApiKey(shop.id(), "reader", EnumSet.of(Scope.READ), null)
                .secret();

        Response listed = api.get("/v1/merge-candidates", bearer(reader));
        Response accepted = api.post(decide(candidate, "accept"), bearer(reader), "");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(accepted.status()).isEqualTo(403);
        assertThat(accepted.contentType()).startsWith("application/problem+json");
        assertThat(pending(shop)).hasSize(1);
    }

    @Test
    void unknownAndOtherTenantsCandidatesAreNotFound() {
        TestTenant other = tenants.create();
        signUp(other, "ada-1", "ada@example.com", "Ada", "+44 20 7946 0958", ADDRESS);
        signUp(other, "ada-2", "lovelace.a@example.org", "Ada", "+44 20 7946 0959", ADDRESS);
        JsonNode theirs = awaitPending(other).get(0);

        Response listed = api.get("/v1/merge-candidates", bearer(shop.adminKey()));
        Response accepted = api.post(decide(theirs, "accept"), bearer(shop.adminKey()), "");
        Response unknown =
                api.post("/v1/merge-candidates/" + UUID.randomUUID() + "/reject", bearer(shop.adminKey()), "");
        Response malformed = api.post("/v1/merge-candidates/not-an-id/accept", bearer(shop.adminKey()), "");
        Response badStatus = api.get("/v1/merge-candidates?status=maybe", bearer(shop.adminKey()));

        assertThat(listed.json().get("data")).isEmpty();
        assertThat(accepted.status()).isEqualTo(404);
        assertThat(accepted.contentType()).startsWith("application/problem+json");
        assertThat(accepted.json().get("code").asString()).isEqualTo("profiles.unknown-merge-candidate");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(pending(other)).hasSize(1);
    }

    private void signUp(
            TestTenant tenant, String userId, String email, String firstName, String phone, String address) {
        send(
                tenant,
                "{\"userId\":\"" + userId + "\",\"traits\":{\"email\":\"" + email + "\",\"firstName\":\"" + firstName
                        + "\",\"lastName\":\"Lovelace\",\"phone\":\"" + phone + "\"," + address + "}}");
    }

    private void send(TestTenant tenant, String body) {
        assertThat(api.post("/v1/identify", basic(tenant.writeKey()), body).status())
                .as(body)
                .isEqualTo(200);
    }

    private JsonNode awaitPending(TestTenant tenant) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pending(tenant), candidates -> !candidates.isEmpty());
    }

    private JsonNode pending(TestTenant tenant) {
        return api.get("/v1/merge-candidates?status=pending", bearer(tenant.adminKey()))
                .json()
                .get("data");
    }

    private static String decide(JsonNode candidate, String decision) {
        return "/v1/merge-candidates/" + candidate.get("candidateId").asString() + "/" + decision;
    }

    private String awaitCustomer(String userId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> customerOf(userId), id -> !id.isEmpty());
    }

    private String customerOf(String userId) {
        return lookup("userId=" + userId).path("customerId").asString("");
    }

    private JsonNode lookup(String query) {
        return api.get("/v1/customers/lookup?" + query, bearer(shop.adminKey())).json();
    }
}
