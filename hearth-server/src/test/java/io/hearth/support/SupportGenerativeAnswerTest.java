package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generative knowledge-base answers against a real local HTTP server speaking the OpenAI
 * chat-completions shape: a grounded answer is sent with its sources, a refusal falls back to the
 * quoted passage (or to an agent when no passage is close), a dead endpoint too, and each answer
 * says in the decision log how it was made.
 */
@HearthTest
class SupportGenerativeAnswerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> requests = new CopyOnWriteArrayList<>();
    /** What the endpoint answers next: a completion's content, or null to drop the connection. */
    static volatile String content;

    static final HttpServer endpoint = start();

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String answer = content;
                if (answer == null) {
                    exchange.close(); // no status line: the client sees the endpoint fail
                    return;
                }
                byte[] body = JSON.writeValueAsBytes(java.util.Map.of(
                        "id",
                        "chatcmpl-1",
                        "object",
                        "chat.completion",
                        "choices",
                        List.of(java.util.Map.of(
                                "index",
                                0,
                                "message",
                                java.util.Map.of("role", "assistant", "content", answer),
                                "finish_reason",
                                "stop"))));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void generative(DynamicPropertyRegistry registry) {
        registry.add("hearth.support.generative.enabled", () -> "true");
        registry.add(
                "hearth.support.generative.base-url",
                () -> "http://127.0.0.1:" + endpoint.getAddress().getPort());
        registry.add("hearth.support.generative.model", () -> "local-model");
        registry.add("hearth.support.generative.timeout", () -> "PT3S");
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    PrivacyManagement privacy;

    SupportShop shop;
    String customer;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        Api.Response saved = shop.api.put("/v1/support/admin/articles/shipping", Api.bearer(shop.shop.adminKey()), """
                {"title":"Shipping","source":"https://shop.example/help/shipping","format":"markdown",
                 "body":"# Shipping\\n\\n## Delivery times\\n\\nStandard delivery takes 2 to 4 working days within Germany and 5 to 8 days to the rest of Europe.\\n\\n## Payment\\n\\nWe accept Visa, Mastercard, PayPal and Klarna."}
                """);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        customer = shop.annaWithOrders();
        requests.clear();
    }

    @Test
    void aGroundedAnswerIsSentWithItsSourcesAndLogged() {
        content = "Standard delivery within Germany takes 2 to 4 working days [1].";
        String conversation = shop.start("anna");

        JsonNode answer = shop.say(conversation, "how many days does shipping to Germany take");

        assertThat(answer.get("automation").asString()).isEqualTo("knowledge_generated");
        assertThat(text(answer))
                .isEqualTo("Standard delivery within Germany takes 2 to 4 working days."
                        + " (from Shipping, https://shop.example/help/shipping)");
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst())
                .contains(
                        "\"model\":\"local-model\"",
                        "how many days does shipping to Germany take",
                        "2 to 4 working days")
                .contains("NO_ANSWER");
        RecordedDecision logged = lastSupportDecision();
        assertThat(logged.outcome()).isEqualTo("knowledge_generated");
        assertThat(logged.modelVersion()).endsWith("+generative:local-model");
        assertThat(logged.inputs().get("generation").asString()).isEqualTo("answered");
        assertThat(logged.inputs().get("sources").get(0).asString()).isEqualTo("shipping");
    }

    @Test
    void aRefusalOrAnInventedNumberFallsBackToTheQuotedPassage() {
        content = "NO_ANSWER";
        String conversation = shop.start("anna");
        JsonNode refused = shop.say(conversation, "how many days does shipping to Germany take");
        assertThat(refused.get("automation").asString()).isEqualTo("knowledge");
        assertThat(text(refused)).startsWith("\"Standard delivery takes 2 to 4 working days");
        assertThat(lastSupportDecision().inputs().get("generation").asString()).isEqualTo("refused");

        content = "Delivery takes 1 day [1].";
        JsonNode invented = shop.say(conversation, "how long does delivery within Germany take");
        assertThat(invented.get("automation").asString()).isEqualTo("knowledge");
        assertThat(lastSupportDecision().inputs().get("generationReason").asString())
                .contains("the number 1 is not in the cited passages");
    }

    @Test
    void aRefusalWithNoClosePassageGoesToAnAgent() {
        content = "NO_ANSWER";
        String conversation = shop.start("anna");
        JsonNode answer = shop.say(conversation, "can my grandmother knit me a scarf for the winter");
        assertThat(requests).isNotEmpty();
        assertThat(answer.get("escalation").isNull()).isFalse();
        assertThat(answer.get("conversation").get("state").asString()).isEqualTo("ESCALATED");
    }

    @Test
    void aFailingEndpointLeavesTheExtractiveAnswer() {
        content = null;
        String conversation = shop.start("anna");
        JsonNode answer = shop.say(conversation, "how many days does shipping to Germany take");
        assertThat(answer.get("automation").asString()).isEqualTo("knowledge");
        assertThat(text(answer)).contains("2 to 4 working days").contains("https://shop.example/help/shipping");
        assertThat(requests).hasSize(1);
        assertThat(lastSupportDecision().inputs().get("generation").asString()).isEqualTo("unavailable");
    }

    @Test
    void anOrderQuestionIsNotSentToTheEndpoint() {
        content = "Your order arrived [1].";
        String conversation = shop.start("anna");
        JsonNode answer = shop.say(conversation, "where is my order 10002");
        assertThat(answer.get("automation").asString()).isEqualTo("order_status");
        assertThat(requests).isEmpty();
    }

    private RecordedDecision lastSupportDecision() {
        return privacy.decisions(shop.shop.id(), CustomerId.of(customer), 100, null).decisions().stream()
                .filter(decision -> decision.type().equals("support.answered"))
                .findFirst()
                .orElseThrow();
    }

    private static String text(JsonNode reply) {
        return reply.get("answer").get("text").asString();
    }
}
