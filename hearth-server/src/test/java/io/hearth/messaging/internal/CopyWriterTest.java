package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generative copy against a local server speaking the OpenAI chat-completions shape: candidates that
 * invent a price or a claim are refused, the rest are kept, and template variants fill the gap; with
 * generation off or the endpoint down only the deterministic templates answer.
 */
class CopyWriterTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, String> MUG = Map.of(
            "name",
            "Stoneware mug",
            "category",
            "kitchen",
            "price",
            "29.95",
            "currency",
            "EUR",
            "material",
            "stoneware");

    HttpServer endpoint;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = """
                    {"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"index": 0,
                      "message": {"role": "assistant", "content":
                        "1. Your stoneware mug for slow mornings\\n2. Stoneware mug, now only 9.99 EUR\\n- Free shipping on the Stoneware mug\\nThe Stoneware mug at 29.95 EUR"},
                      "finish_reason": "stop"}]}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void candidatesThatInventAPriceOrAClaimAreRefusedAndTemplatesFillTheRest() {
        CopyWriter.Variants answer = writer(true, url()).write(CopyWriter.Kind.SUBJECT, MUG, 3);

        assertThat(answer.variants())
                .containsExactly(
                        new CopyWriter.Variant("Your stoneware mug for slow mornings", "model"),
                        new CopyWriter.Variant("The Stoneware mug at 29.95 EUR", "model"),
                        new CopyWriter.Variant("Picked for you: Stoneware mug", "template"));
        assertThat(answer.refused())
                .extracting(CopyWriter.Refused::reason)
                .containsExactly("the number 9.99 is not in the data", "the claim 'free' is not in the data");
        assertThat(requests.getFirst()).contains("\"model\":\"local-model\"").contains("Stoneware mug");
    }

    @Test
    void offByDefaultTheSameFactsAlwaysGiveTheSameTemplateVariantsAndNothingIsCalled() {
        CopyWriter off = writer(false, url());

        CopyWriter.Variants first = off.write(CopyWriter.Kind.BLURB, MUG, 2);
        CopyWriter.Variants second = off.write(CopyWriter.Kind.BLURB, MUG, 2);

        assertThat(first).isEqualTo(second);
        assertThat(first.variants()).extracting(CopyWriter.Variant::source).containsOnly("template");
        assertThat(first.variants().getFirst().text()).isEqualTo("Stoneware mug from our kitchen range.");
        assertThat(requests).isEmpty();
        first.variants()
                .forEach(v -> assertThat(CopyGuardrails.refusal(v.text(), String.join(" ", MUG.values()), 300))
                        .isEmpty());
    }

    @Test
    void anEndpointThatIsDownFallsBackToTemplates() {
        CopyWriter.Variants answer = writer(true, "http://127.0.0.1:1").write(CopyWriter.Kind.SUBJECT, MUG, 2);

        assertThat(answer.variants())
                .hasSize(2)
                .extracting(CopyWriter.Variant::source)
                .containsOnly("template");
    }

    private String url() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort();
    }

    private static CopyWriter writer(boolean enabled, String baseUrl) {
        return new CopyWriter(new CopySettings(enabled, baseUrl, "local-model", "key", Duration.ofSeconds(2)), JSON);
    }
}
