package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The server's offer bandit over real HTTP: members who only ever respond to exclusive access teach
 * it to offer that; a budget is never passed; each choice is in the decision log; a redeemed offer
 * voucher counts as the response.
 */
@HearthTest
class OfferBanditServerTest {

    private static final String ARMS = """
            {"arms": [
              {"name": "discount", "kind": "DISCOUNT", "value": 10, "cost": 1},
              {"name": "free_shipping", "kind": "FREE_SHIPPING", "cost": 1},
              {"name": "bonus_points", "kind": "BONUS_POINTS", "value": 50, "cost": 50, "budget": 150},
              {"name": "exclusive_access", "kind": "EXCLUSIVE_ACCESS", "cost": 0}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    PrivacyManagement privacy;

    Api api;
    TestTenant shop;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
        admin = bearer(shop.adminKey());
        assertThat(api.put("/v1/loyalty/offers/arms", admin, ARMS).status()).isEqualTo(200);
    }

    @Test
    void itLearnsTheOfferMembersRespondToAndNeverPassesABudget() {
        List<String> chosen = new ArrayList<>();
        for (int round = 0; round < 90; round++) {
            String member = member();
            JsonNode offer = choose(member);
            String arm = offer.get("arm").asString();
            chosen.add(arm);
            double reward = arm.equals("exclusive_access") ? 1 : 0;
            Response response = api.post(
                    "/v1/loyalty/offers/" + offer.get("offerId").asString() + "/response",
                    admin,
                    "{\"reward\": " + reward + "}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("recorded").asBoolean()).isTrue();
        }

        List<String> last = chosen.subList(60, 90);
        long best = last.stream().filter("exclusive_access"::equals).count();
        System.out.printf(
                "offer bandit: exclusive_access in %d of the last 30 choices, all: %s%n", best, counts(chosen));
        assertThat(best).isGreaterThanOrEqualTo(24);
        assertThat(chosen.stream().filter("bonus_points"::equals).count()).isLessThanOrEqualTo(3);
        JsonNode arms = api.get("/v1/loyalty/offers/arms", admin).json().get("data");
        for (JsonNode arm : arms) {
            if (arm.get("name").asString().equals("bonus_points")) {
                assertThat(arm.get("spent").decimalValue())
                        .isLessThanOrEqualTo(arm.get("budget").decimalValue());
            }
        }
    }

    @Test
    void aChoiceIsLoggedAndItsVoucherRedemptionIsTheResponse() {
        api.put(
                "/v1/loyalty/offers/arms",
                admin,
                "{\"arms\": [{\"name\": \"discount\", \"kind\": \"DISCOUNT\", \"value\": 10, \"cost\": 1}]}");
        String member = member();
        JsonNode offer = choose(member);
        String code = offer.get("voucherCode").asString();
        assertThat(offer.get("reason").asString()).startsWith("Thompson draw discount");

        loyalty.redeemVoucher(
                shop.id(), code, CustomerId.of(member), "o-1", new Voucher.Basket(java.math.BigDecimal.TEN, List.of()));

        Response again = api.post(
                "/v1/loyalty/offers/" + offer.get("offerId").asString() + "/response", admin, "{\"reward\": 0}");
        assertThat(again.json().get("recorded").asBoolean())
                .as("the redemption answered first")
                .isFalse();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> privacy.decisions(shop.id(), CustomerId.of(member), 10, null).decisions().stream()
                        .anyMatch(d -> d.type().equals("loyalty.offer-chosen")
                                && d.inputs()
                                        .get("offerId")
                                        .asString()
                                        .equals(offer.get("offerId").asString())));
        assertThat(api.post("/v1/loyalty/offers/" + UUID.randomUUID() + "/response", admin, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/v1/loyalty/members/nobody-" + UUID.randomUUID() + "/offers", admin, "")
                        .status())
                .isEqualTo(404);
    }

    private String member() {
        String member = "m-" + ThreadLocalRandom.current().nextInt(1_000_000) + "-" + UUID.randomUUID();
        loyalty.adjust(shop.id(), CustomerId.of(member), 10, "welcome", "test", new Idempotency("w-" + member, "h"));
        return member;
    }

    private JsonNode choose(String member) {
        Response offer = api.post("/v1/loyalty/members/" + member + "/offers", admin, "");
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
        return offer.json();
    }

    private static Map<String, Long> counts(List<String> chosen) {
        return chosen.stream()
                .collect(java.util.stream.Collectors.groupingBy(arm -> arm, java.util.stream.Collectors.counting()));
    }
}
