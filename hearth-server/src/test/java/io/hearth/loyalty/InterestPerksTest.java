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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A cook gets the cooking perk, a gardener the sustainability one, each with the reason recorded once. */
@HearthTest
class InterestPerksTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    PrivacyManagement privacy;

    @Test
    void perksFollowTheCategoriesAMembersPointsCameFrom() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        String admin = bearer(shop.adminKey());
        assertThat(api.put("/v1/loyalty/perks/chef-table", admin, """
                        {"name": "Chef's table evening", "kind": "EVENT", "interest": "family cooking",
                         "categories": ["cookware", "kitchen"], "minShare": 0.5}""").status()).isEqualTo(200);
        api.put("/v1/loyalty/perks/green-preview", admin, """
                {"name": "Early access: refill range", "kind": "EARLY_ACCESS", "interest": "sustainability",
                 "categories": ["garden", "refills"], "minShare": 0.3}""");
        CustomerId cook = CustomerId.of("cook-" + UUID.randomUUID());
        earn(shop, cook, "o-c", List.of(line("1", "cookware", 80), line("2", "garden", 20)));

        Response matched = api.get("/v1/loyalty/members/" + cook.value() + "/perks", admin);
        api.get("/v1/loyalty/members/" + cook.value() + "/perks", admin);

        JsonNode data = matched.json().get("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("perk").get("perkId").asString()).isEqualTo("chef-table");
        assertThat(data.get(0).get("share").asDouble()).isEqualTo(0.8);
        assertThat(data.get(0).get("reason").asString())
                .isEqualTo("80 % of the member's points came from cookware/kitchen (cookware 80 %), at least 50 % "
                        + "shows an interest in family cooking");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> privacy.decisions(shop.id(), cook, 10, null).decisions().stream()
                                .filter(d -> d.type().equals("loyalty.perk-matched"))
                                .count()
                        == 1);
        assertThat(api.put("/v1/loyalty/perks/x", admin, "{\"name\": \"x\", \"kind\": \"PARTY\"}")
                        .json()
                        .toString())
                .contains("/kind", "/categories", "/interest");
    }

    private void earn(TestTenant shop, CustomerId member, String order, List<OrderLine> lines) {
        loyalty.earnOrder(shop.id(), member, order, lines, null, new Idempotency("e-" + order, "h"));
    }

    private static OrderLine line(String id, String category, long amount) {
        return new OrderLine(id, null, category, BigDecimal.valueOf(amount));
    }
}
