package io.hearth.privacy;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two shops with a customer of the same id: neither sees the other's consents, decisions or chain. */
@HearthTest
class PrivacyIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    PrivacyManagement privacy;

    @Test
    void aCustomerIdSharedByTwoShopsKeepsSeparateConsentsAndDecisions() {
        Api api = new Api(port);
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        CustomerId sam = CustomerId.of("sam");
        api.post("/v1/customers/sam/consents", bearer(b.adminKey()), """
                {"purpose": "marketing", "granted": true, "proof": "b-secret-proof"}""");
        privacy.recordDecision(
                b.id(),
                new Decision(
                        sam,
                        "offer.chosen",
                        JsonMapper.builder().build().readTree("{\"basket\": 3}"),
                        "bandit@1",
                        "offer:b-only",
                        "b's reason",
                        null));

        JsonNode consents =
                api.get("/v1/customers/sam/consents", bearer(a.adminKey())).json();
        JsonNode decisions =
                api.get("/v1/customers/sam/decisions", bearer(a.adminKey())).json();
        JsonNode verify = api.get("/v1/decisions/verify", bearer(a.adminKey())).json();

        assertThat(consents.get("current")).isEmpty();
        assertThat(consents.get("history")).isEmpty();
        assertThat(consents.get("allowed").get("marketing").get("email").asBoolean())
                .isFalse();
        assertThat(decisions.get("data")).isEmpty();
        assertThat(verify.get("checked").asLong()).isZero();
        assertThat(privacy.mayUse(b.id(), sam, Purpose.MARKETING, Channel.EMAIL))
                .isTrue();
        assertThat(privacy.verifyChain(b.id()).checked()).isEqualTo(1);
    }
}
