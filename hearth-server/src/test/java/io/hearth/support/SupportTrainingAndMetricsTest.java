package io.hearth.support;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A shop trains its own intents from a CSV; metrics count containment, escalations and CSAT. */
@HearthTest
class SupportTrainingAndMetricsTest {

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
    void aShopsOwnIntentsReplaceTheDefaultOnesFromTheNextMessage() {
        StringBuilder csv = new StringBuilder("utterance,intent\n");
        for (String points : new String[] {
            "how many points do I have",
            "my loyalty points balance",
            "check my points",
            "points on my card",
            "how do I use my points",
            "did I earn points",
            "where are my bonus points",
            "loyalty balance please"
        }) {
            csv.append(points).append(",loyalty_points\n");
        }
        for (String hours : new String[] {
            "when does the store open",
            "opening hours",
            "are you open on sunday",
            "what time do you close",
            "store hours please",
            "is the shop open today",
            "holiday opening times",
            "until when are you open"
        }) {
            csv.append(hours).append(",store_hours\n");
        }
        for (String human : new String[] {
            "talk to a human",
            "real person please",
            "connect me to an agent",
            "I need a person",
            "agent please",
            "speak to someone",
            "human please",
            "customer service person"
        }) {
            csv.append(human).append(",human_agent\n");
        }

        Api.Response trained = csv("/v1/support/admin/intents", csv.toString());

        assertThat(trained.status()).as(trained.body()).isEqualTo(200);
        assertThat(trained.json().get("examples").asInt()).isEqualTo(24);
        String conversation = shop.start(null);
        JsonNode reply = shop.say(conversation, "how many loyalty points are on my account");
        assertThat(reply.get("customerMessage").get("intent").asString()).isEqualTo("loyalty_points");
    }

    @Test
    void trainingDataWithoutEnoughIntentsOrColumnsIsAProblemNamingTheField() {
        Api.Response oneIntent = csv("/v1/support/admin/intents", "utterance,intent\na,x\nb,x\nc,x\nd,x\ne,x\n");
        assertThat(oneIntent.status()).isEqualTo(400);
        assertThat(oneIntent.body()).contains("support.invalid-training-data").contains("/intent");

        Api.Response noColumn = csv("/v1/support/admin/intents", "text,label\nhello,greet\n");
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.body()).contains("\"pointer\":\"/utterance\"").contains("no column");
    }

    @Test
    void metricsCountContainmentEscalationsByReasonResponseTimesAndCsat() {
        String helped = shop.start(null);
        shop.say(helped, "I forgot my password");
        String escalated = shop.start(null);
        shop.say(escalated, "I want to talk to a human");
        shop.post("/v1/support/conversations/" + escalated + "/agent-replies", "{\"text\":\"Hello, Sam here\"}");
        shop.post("/v1/support/conversations/" + helped + "/csat", "{\"score\":5}");
        shop.post("/v1/support/conversations/" + escalated + "/csat", "{\"score\":2}");
        shop.start(null); // no customer message: not counted

        JsonNode metrics = shop.get("/v1/support/metrics").json();

        assertThat(metrics.get("conversations").asLong()).isEqualTo(2);
        assertThat(metrics.get("containmentRate").asDouble()).isEqualTo(0.5);
        assertThat(metrics.get("escalationsByReason").get("EXPLICIT_REQUEST").asLong())
                .isEqualTo(1);
        assertThat(metrics.get("averageCsat").asDouble()).isEqualTo(3.5);
        assertThat(metrics.get("averageFirstResponseSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(metrics.get("averageResolutionSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(metrics.get("byIntent")
                        .get("account_help")
                        .get("containmentRate")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(shop.post("/v1/support/conversations/" + helped + "/csat", "{\"score\":9}")
                        .body())
                .contains("/score");
    }

    private Api.Response csv(String path, String body) {
        return shop.api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "text/csv")
                .header("Authorization", bearer(shop.shop.adminKey()))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
