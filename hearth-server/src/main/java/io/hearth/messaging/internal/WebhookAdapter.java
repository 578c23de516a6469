package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook channel: posts the rendered message as JSON to the shop's endpoint, signed {@code
 * X-Hearth-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">} under the endpoint's secret (the
 * scheme of journey webhook steps, so a shop verifies both the same way). Every attempt of one message
 * carries the same {@code Idempotency-Key} (the message id), so a receiver that answered 5xx after
 * acting on it can recognise the retry.
 */
@Component
class WebhookAdapter implements ChannelAdapter {

    private final WebhookEndpoints endpoints;
    private final ProviderHttp http;
    private final JsonMapper json;
    private final Clock clock;

    WebhookAdapter(WebhookEndpoints endpoints, MessagingSettings settings, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.http = new ProviderHttp(settings.channels().providerTimeout());
        this.json = json;
        this.clock = clock;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.WEBHOOK;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        Optional<WebhookEndpoints.Endpoint> endpoint = endpoints.of(message.tenant());
        if (endpoint.isEmpty()) {
            return new DeliveryResult.Permanent("no webhook endpoint configured");
        }
        String body = json.writeValueAsString(payload(message));
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.get().url())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.messageId().toString())
                .header("X-Hearth-Message-Id", message.messageId().toString())
                .header("X-Hearth-Timestamp", timestamp)
                .header("X-Hearth-Signature", "sha256=" + sign(endpoint.get().secret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request, answer -> message.messageId().toString());
    }

    private static Map<String, Object> payload(OutgoingMessage message) {
        Map<String, Object> attribution = new LinkedHashMap<>();
        attribution.put("journey", message.attribution().journey());
        attribution.put("step", message.attribution().step());
        attribution.put("variant", message.attribution().variant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "message");
        body.put("messageId", message.messageId().toString());
        body.put("customerId", message.customer().value());
        body.put("template", message.templateKey());
        body.put("attribution", attribution);
        body.put("subject", message.subject());
        body.put("text", message.text());
        body.put("html", message.html());
        body.put("unsubscribeUrl", message.unsubscribeUrl().toString());
        return body;
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
