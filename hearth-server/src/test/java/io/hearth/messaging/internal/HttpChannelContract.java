package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channel contract for providers behind an HTTP API, against a local HTTP server the test starts:
 * 429 and 5xx are transient, other 4xx permanent, and a call that times out after the request went out
 * is ambiguous (never retried, so never sent twice).
 */
abstract class HttpChannelContract extends ChannelContract {

    static final Duration TIMEOUT = Duration.ofMillis(700);

    HttpServer provider;
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger delayMillis = new AtomicInteger(0);
    final java.util.concurrent.atomic.AtomicReference<String> failureBody =
            new java.util.concurrent.atomic.AtomicReference<>("{\"error\":\"no\"}");
    final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A request as the provider saw it. */
    record Request(
            String method,
            String path,
            String contentType,
            String authorization,
            String body,
            Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The provider's success body. */
    abstract String successBody();

    /** The adapter against a provider at this base URL. */
    abstract ChannelAdapter adapterAt(String baseUrl);

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", this::answer);
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Override
    ChannelAdapter adapter() {
        return adapterAt("http://127.0.0.1:" + provider.getAddress().getPort());
    }

    @Override
    ChannelAdapter unreachableAdapter(int closedPort) {
        return adapterAt("http://127.0.0.1:" + closedPort);
    }

    @Override
    int received() {
        return requests.size();
    }

    @Test
    void tooManyRequestsAndServerErrorsAreTransientAndOtherClientErrorsPermanent() {
        status.set(429);
        DeliveryResult throttled = adapter().deliver(message());
        status.set(503);
        DeliveryResult unavailable = adapter().deliver(message());
        status.set(400);
        DeliveryResult invalid = adapter().deliver(message());

        assertThat(throttled).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(unavailable).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(invalid).isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void aCallThatTimesOutAfterTheRequestWentOutIsAmbiguous() {
        delayMillis.set((int) TIMEOUT.toMillis() * 3);

        assertThat(adapter().deliver(message())).isInstanceOf(DeliveryResult.Ambiguous.class);
    }

    static MessagingSettings settings(MessagingSettings.Channels channels) {
        return new MessagingSettings(
                java.net.URI.create("http://localhost"),
                "localhost",
                25,
                TIMEOUT,
                "shop@localhost",
                5,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                channels);
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        return headers;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body,
                headers(exchange)));
        try {
            Thread.sleep(delayMillis.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = (status.get() / 100 == 2 ? successBody() : failureBody.get()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException clientGone) {
            // the adapter timed out and hung up
        }
        exchange.close();
    }
}
