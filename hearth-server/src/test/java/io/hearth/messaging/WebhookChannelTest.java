package io.hearth.messaging;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hearth.privacy.Channel;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webhook channel end to end: the shop configures its endpoint, a message is posted to a real
 * local HTTP server signed with the secret the shop was given, and a refusal is retried by the clock
 * under the same idempotency key until the receiver takes it, after which nothing more arrives.
 */
@HearthTest
class WebhookChannelTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MessagingManagement messaging;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantManagement tenancy;

    HttpServer receiver;
    final AtomicInteger status = new AtomicInteger(200);
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    record Delivery(String idempotencyKey, String timestamp, String signature, String body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", this::receive);
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        clock.reset();
    }

    @Test
    void aRefusedWebhookIsRetriedWithTheSameKeyAndEachDeliveryIsSignedWithTheShopsSecret() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        Response configured = api.put(
                "/v1/messaging/webhook-endpoint",
                bearer(shop.adminKey()),
                "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/hearth\"}");
        String secret = configured.json().get("secret").asString();
        api.put("/v1/templates/crm-note", bearer(shop.adminKey()), """
                {"channel": "webhook", "locales": {"en": {"subject": "VIP", "text": "Call {{ customer.first_name }}"}}}
                """);
        CustomerId vera = customers.identify(api, shop, "vera", "\"firstName\":\"Vera\"");
        customers.optIn(shop, vera, Channel.ANY);
        status.set(503);

        SentMessage first = messaging.send(
                shop.id(),
                new SendRequest(
                        vera,
                        "crm-note",
                        MessageChannel.WEBHOOK,
                        Purpose.MARKETING,
                        "vip-1",
                        Attribution.NONE,
                        Map.of()));
        status.set(200);
        clock.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messaging
                                .message(shop.id(), first.messageId())
                                .orElseThrow()
                                .status()
                        == MessageStatus.SENT);
        messaging.send(
                shop.id(),
                new SendRequest(
                        vera,
                        "crm-note",
                        MessageChannel.WEBHOOK,
                        Purpose.MARKETING,
                        "vip-1",
                        Attribution.NONE,
                        Map.of()));
        clock.advance(Duration.ofMinutes(10));
        Response status = api.get("/v1/messages/" + first.messageId(), bearer(shop.adminKey()));

        assertThat(configured.status()).isEqualTo(200);
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/v1/messaging/webhook-endpoint", bearer(shop.adminKey()))
                        .json()
                        .has("secret"))
                .as("the secret is shown once")
                .isFalse();
        assertThat(first.status()).isEqualTo(MessageStatus.RETRYING);
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries)
                .extracting(Delivery::idempotencyKey)
                .containsOnly(first.messageId().toString());
        assertThat(deliveries)
                .allSatisfy(d ->
                        assertThat(d.signature()).isEqualTo("sha256=" + hmac(secret, d.timestamp() + "." + d.body())));
        assertThat(deliveries.getLast().body()).contains("\"text\":\"Call Vera\"");
        assertThat(status.json().get("status").asString()).isEqualTo("SENT");
        assertThat(status.json().get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsRefusedNamingTheField() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();

        Response answer = api.put(
                "/v1/messaging/webhook-endpoint", bearer(shop.adminKey()), "{\"url\": \"ftp://example.com/x\"}");
        Response unconfigured = api.get("/v1/messaging/webhook-endpoint", bearer(shop.adminKey()));
        Response readKey = api.put(
                "/v1/messaging/webhook-endpoint",
                bearer(tenancy.createApiKey(shop.id(), "reader", EnumSet.of(Scope.READ), null)
                        .secret()),
                "{\"url\": \"https://example.com/x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/url");
        assertThat(unconfigured.status()).isEqualTo(404);
        assertThat(readKey.status()).isEqualTo(403);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        deliveries.add(new Delivery(
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("X-Hearth-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Hearth-Signature"),
                body));
        exchange.sendResponseHeaders(status.get(), -1);
        exchange.close();
    }

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
