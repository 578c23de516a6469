package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The context package carries the customer's predictions and the ticket's priority with its why. */
@HearthTest
class SupportContextTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @Test
    void theContextShowsValueAndChurnRiskWithTheirModelsAndThePriorityWithItsWhyAndOverride() {
        String customer = shop.annaWithOrders();
        String anna = shop.start("anna");
        shop.say(anna, "I want to talk to a human");
        JsonNode served = shop.get("/v1/customers/" + customer + "/predictions").json();
        int decisionsBefore = servedDecisions(customer);

        JsonNode context = context(anna);

        JsonNode predictions = context.get("predictions");
        assertThat(predictions.get("churnRisk").get("value").asDouble())
                .isCloseTo(served.get("churnRisk").get("value").asDouble(), Offset.offset(1e-9));
        assertThat(predictions.get("churnRisk").get("modelVersion").asString())
                .isEqualTo(served.get("churnRisk").get("modelVersion").asString());
        assertThat(predictions.get("lifetimeValue").get("modelVersion").asString())
                .isEqualTo(served.get("lifetimeValue").get("modelVersion").asString());
        assertThat(predictions.get("lifetimeValue").get("unit").asString()).isEqualTo("EUR");
        assertThat(servedDecisions(customer))
                .as("reading the context logs no prediction.served")
                .isEqualTo(decisionsBefore);

        JsonNode priority = context.get("priority");
        double sum = 0;
        for (JsonNode term : priority.get("why")) {
            sum += term.get("points").asDouble();
        }
        assertThat(priority.get("why").size()).isPositive();
        assertThat(priority.get("computed").asDouble()).isCloseTo(sum, Offset.offset(0.05));
        assertThat(priority.get("effective").asDouble())
                .isEqualTo(priority.get("computed").asDouble());
        assertThat(priority.has("override")).isFalse();

        shop.post("/v1/support/conversations/" + anna + "/priority", "{\"priority\":90}");
        JsonNode overridden = context(anna).get("priority");
        assertThat(overridden.get("effective").asDouble()).isEqualTo(90.0);
        assertThat(overridden.get("override").asDouble()).isEqualTo(90.0);
        assertThat(overridden.get("computed").asDouble()).isCloseTo(sum, Offset.offset(0.05));
        assertThat(overridden.get("why")).isEqualTo(priority.get("why"));
    }

    @Test
    void anUnknownCustomerHasNoPredictionsAndANeverEscalatedConversationNoScore() {
        String stranger = shop.start(null);
        shop.say(stranger, "I forgot my password");

        JsonNode context = context(stranger);

        assertThat(context.has("predictions")).isFalse();
        assertThat(context.get("priority").has("computed")).isFalse();
        assertThat(context.get("priority").get("why").size()).isZero();
    }

    private JsonNode context(String conversation) {
        Api.Response context = shop.get("/v1/support/conversations/" + conversation + "/context");
        assertThat(context.status()).as(context.body()).isEqualTo(200);
        return context.json();
    }

    private int servedDecisions(String customer) {
        String body = shop.get("/v1/customers/" + customer + "/decisions").body();
        return body.split("prediction\\.served", -1).length - 1;
    }
}
