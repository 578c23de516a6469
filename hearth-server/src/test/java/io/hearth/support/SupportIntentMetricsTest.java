package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Metrics per intent: escalations by reason as counts and rates, first-response, agent-response and
 * resolution times, CSAT. The server's clock is moved on, so the times are known to the second.
 */
@HearthTest
class SupportIntentMetricsTest {

    /** The machine is shared and slow; requests take a moment of real time on top of the clock's jumps. */
    private static final Offset<Double> SECONDS = Offset.offset(15.0);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MutableClock clock;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachIntentHasItsEscalationReasonsWithRatesItsResponseAndResolutionTimesAndItsCsat() {
        String helped = shop.start(null);
        shop.say(helped, "I forgot my password");
        shop.post("/v1/support/conversations/" + helped + "/csat", "{\"score\":5}");

        String worked = shop.start(null);
        shop.say(worked, "I want to talk to a human");
        clock.advance(Duration.ofSeconds(600));
        shop.post("/v1/support/conversations/" + worked + "/agent-replies", "{\"text\":\"Hello, Sam here\"}");
        clock.advance(Duration.ofSeconds(1200));
        shop.post("/v1/support/conversations/" + worked + "/csat", "{\"score\":2}");

        String waiting = shop.start(null);
        shop.say(waiting, "let me speak to a person");
        String angry = shop.start(null);
        String angryIntent = shop.say(
                        angry, "This is terrible!! My parcel is late and nobody helps, worst service ever")
                .get("customerMessage")
                .get("intent")
                .asString();

        JsonNode metrics = shop.get("/v1/support/metrics").json();

        assertThat(metrics.get("conversations").asLong()).isEqualTo(4);
        assertThat(metrics.get("escalationRateByReason").get("EXPLICIT_REQUEST").asDouble())
                .isEqualTo(0.5);
        assertThat(metrics.get("escalationRateByReason")
                        .get("NEGATIVE_SENTIMENT")
                        .asDouble())
                .isEqualTo(0.25);

        JsonNode human = metrics.get("byIntent").get("human_agent");
        assertThat(human.get("conversations").asLong()).isEqualTo(2);
        assertThat(human.get("containmentRate").asDouble()).isZero();
        assertThat(human.get("escalationsByReason").get("EXPLICIT_REQUEST").asLong())
                .isEqualTo(2);
        assertThat(human.get("escalationRateByReason").get("EXPLICIT_REQUEST").asDouble())
                .isEqualTo(1.0);
        assertThat(human.get("averageFirstResponseSeconds").asDouble())
                .as("the assistant's hand-over message is the first response")
                .isCloseTo(0.0, SECONDS);
        assertThat(human.get("averageAgentResponseSeconds").asDouble()).isCloseTo(600.0, SECONDS);
        assertThat(human.get("averageResolutionSeconds").asDouble()).isCloseTo(1800.0, SECONDS);
        assertThat(human.get("averageCsat").asDouble()).isEqualTo(2.0);
        assertThat(human.get("rated").asLong()).isEqualTo(1);

        JsonNode account = metrics.get("byIntent").get("account_help");
        assertThat(account.get("containmentRate").asDouble()).isEqualTo(1.0);
        assertThat(account.get("escalationsByReason").size()).isZero();
        assertThat(account.get("escalationRateByReason").size()).isZero();
        assertThat(account.get("averageCsat").asDouble()).isEqualTo(5.0);
        assertThat(account.has("averageAgentResponseSeconds")).isFalse();

        JsonNode upset = metrics.get("byIntent").get(angryIntent);
        assertThat(upset.get("escalationsByReason").get("NEGATIVE_SENTIMENT").asLong())
                .isEqualTo(1);
        assertThat(upset.get("escalationRateByReason").get("NEGATIVE_SENTIMENT").asDouble())
                .isEqualTo(1.0);
    }
}
