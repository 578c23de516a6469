package io.hearth.profiles;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A shop that trusts near-certain matches: at or above the auto-merge threshold no one reviews. */
@HearthTest
@TestPropertySource(properties = "hearth.profiles.auto-merge-threshold=0.95")
class AutoMergeTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void aPairAtOrAboveTheAutoMergeThresholdIsMergedAndRecordedAsAccepted() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        String address = "\"address\":{\"street\":\"1 Mill Road\",\"city\":\"Leeds\",\"postalCode\":\"LS1 4AP\"}";
        for (String[] signUp : new String[][] {{"kit-1", "+44 113 496 0001"}, {"kit-2", "+44 113 496 0002"}}) {
            api.post(
                    "/v1/identify",
                    basic(shop.writeKey()),
                    "{\"userId\":\"" + signUp[0] + "\",\"traits\":{\"firstName\":\"Kit\",\"lastName\":\"Marlowe\","
                            + "\"phone\":\"" + signUp[1] + "\"," + address + "}}");
        }

        JsonNode accepted = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/v1/merge-candidates?status=accepted", bearer(shop.adminKey()))
                                .json()
                                .get("data"),
                        data -> !data.isEmpty())
                .get(0);

        assertThat(accepted.get("decidedBy").asString()).isEqualTo("automatic");
        String survivor = api.get("/v1/customers/lookup?userId=kit-1", bearer(shop.adminKey()))
                .json()
                .get("customerId")
                .asString();
        assertThat(api.get("/v1/customers/lookup?userId=kit-2", bearer(shop.adminKey()))
                        .json()
                        .get("customerId")
                        .asString())
                .isEqualTo(survivor);
        assertThat(api.get("/v1/customers/" + survivor + "/merges", bearer(shop.adminKey()))
                        .json()
                        .get("data")
                        .get(0)
                        .get("reason")
                        .asString())
                .startsWith("probabilistic match 0.9");
    }
}
