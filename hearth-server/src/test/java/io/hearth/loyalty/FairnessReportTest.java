package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Offers spread unevenly over a supplied attribute show as a disparate-impact ratio below four fifths. */
@HearthTest
class FairnessReportTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Test
    void aGroupThatGetsFewerOffersIsFlagged() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        String admin = bearer(shop.adminKey());
        api.put(
                "/v1/loyalty/offers/arms",
                admin,
                "{\"arms\": [{\"name\": \"early\", \"kind\": \"EXCLUSIVE_ACCESS\", \"cost\": 2}]}");
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            String member = "f-" + i + "-" + UUID.randomUUID();
            loyalty.adjust(shop.id(), CustomerId.of(member), 5, "welcome", "test", new Idempotency("w" + member, "h"));
            groups.put(member, i < 3 ? "a" : "b");
            if (i < 4) {
                assertThat(api.post("/v1/loyalty/members/" + member + "/offers", admin, "")
                                .status())
                        .isEqualTo(201);
            }
        }
        String body = JsonMapper.builder().build().writeValueAsString(Map.of("groups", groups));

        Response report = api.post("/v1/loyalty/fairness", admin, body);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode a = report.json().get("groups").get(0);
        JsonNode b = report.json().get("groups").get(1);
        assertThat(a.get("group").asString()).isEqualTo("a");
        assertThat(a.get("offerRate").asDouble()).isEqualTo(1.0);
        assertThat(a.get("offerValue").decimalValue()).isEqualByComparingTo("6");
        assertThat(b.get("members").asLong()).isEqualTo(4);
        assertThat(b.get("offerRate").asDouble()).isEqualTo(0.25);
        assertThat(report.json().get("offerImpactRatio").asDouble()).isEqualTo(0.25);
        assertThat(report.json().get("belowFourFifths").get(0).asString()).isEqualTo("b: offers 0.25");
        assertThat(api.get("/v1/loyalty/fairness", admin)
                        .json()
                        .get("groupedBy")
                        .asString())
                .isEqualTo("tier");
        assertThat(api.post("/v1/loyalty/fairness", admin, "{}").status()).isEqualTo(400);
    }
}
