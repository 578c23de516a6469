package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook channel under the channel contract, against a real local HTTP server. */
class WebhookAdapterTest extends HttpChannelContract {

    static final String SECRET = "whsec_test";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    ChannelAdapter adapterAt(String baseUrl) {
        WebhookEndpoints endpoints =
                tenant -> Optional.of(new WebhookEndpoints.Endpoint(URI.create(baseUrl + "/hooks/hearth"), SECRET));
        return new WebhookAdapter(endpoints, settings(channels()), JSON, CLOCK);
    }

    @Override
    String successBody() {
        return "{\"ok\": true}";
    }

    @Override
    String recipient() {
        return "c-1";
    }

    @Test
    void theMessageIsPostedAsJsonSignedOverTimestampAndBodyWithTheMessageIdAsIdempotencyKey() {
        OutgoingMessage message = message();

        DeliveryResult result = adapter().deliver(message);

        Request request = requests.getFirst();
        assertThat(result)
                .isEqualTo(new DeliveryResult.Accepted(message.messageId().toString()));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/hearth");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key"))
                .isEqualTo(message.messageId().toString());
        assertThat(request.header("X-Hearth-Timestamp")).isEqualTo("1796119200");
        assertThat(request.header("X-Hearth-Signature"))
                .isEqualTo("sha256=" + hmacHex(SECRET, "1796119200." + request.body()));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("messageId").asString())
                .isEqualTo(message.messageId().toString());
        assertThat(body.get("customerId").asString()).isEqualTo("c-1");
        assertThat(body.get("template").asString()).isEqualTo("order-shipped");
        assertThat(body.get("attribution").get("journey").asString()).isEqualTo("post-purchase");
        assertThat(body.get("text").asString()).isEqualTo("On its way");
    }

    @Test
    void aRetriedMessageCarriesTheSameIdempotencyKeySoTheReceiverCanDropTheDuplicate() {
        OutgoingMessage message = message();
        status.set(503);
        DeliveryResult refused = adapter().deliver(message);
        status.set(200);
        DeliveryResult accepted = adapter().deliver(message);

        assertThat(refused).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(accepted).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(requests)
                .extracting(r -> r.header("Idempotency-Key"))
                .containsOnly(message.messageId().toString());
    }

    @Test
    void withoutAnEndpointNothingIsCalledAndTheFailureSaysWhy() {
        WebhookAdapter unconfigured = new WebhookAdapter(tenant -> Optional.empty(), settings(channels()), JSON, CLOCK);

        assertThat(unconfigured.deliver(message()))
                .isEqualTo(new DeliveryResult.Permanent("no webhook endpoint configured"));
        assertThat(requests).isEmpty();
    }

    private static MessagingSettings.Channels channels() {
        return new MessagingSettings.Channels("http://unused", "", "", "", "http://unused", "", "", TIMEOUT);
    }

    /** Computed here with the JDK's own HMAC, independently of the adapter's signer. */
    private static String hmacHex(String secret, String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
