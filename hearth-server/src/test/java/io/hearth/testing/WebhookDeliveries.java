package io.hearth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Platform payloads from {@code src/test/resources/webhooks/} and signatures computed the way Shopify
 * and WooCommerce compute them, independently of the server's verifier.
 */
public final class WebhookDeliveries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookDeliveries() {}

    public static byte[] fixture(String path) {
        try (InputStream in = WebhookDeliveries.class.getResourceAsStream("/webhooks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture webhooks/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixtureText(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    public static JsonNode fixtureJson(String path) {
        return JSON.readTree(fixture(path));
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Base64 HMAC-SHA256 of the raw body, as both platforms sign their deliveries. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
