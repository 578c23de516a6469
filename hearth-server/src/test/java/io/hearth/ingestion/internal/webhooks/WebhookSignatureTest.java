package io.hearth.ingestion.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheBodyAsBase64HmacSha256() {
        // RFC 4231, test case 2, in base64 instead of hex.
        assertThat(WebhookSignature.sign(BODY, "Jefe")).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void acceptsTheRightSignature() {
        assertThat(WebhookSignature.matches(BODY, "Jefe", "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="))
                .isTrue();
    }

    @Test
    void refusesAnotherSecretAnAlteredBodyOrAnAlteredSignature() {
        String right = WebhookSignature.sign(BODY, "Jefe");
        byte[] altered = "what do ya want for nothing!".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.matches(BODY, "jefe", right)).isFalse();
        assertThat(WebhookSignature.matches(altered, "Jefe", right)).isFalse();
        assertThat(WebhookSignature.matches(BODY, "Jefe", right.substring(1))).isFalse();
        assertThat(WebhookSignature.matches(BODY, "Jefe", right.toLowerCase(java.util.Locale.ROOT)))
                .isFalse();
    }

    @Test
    void refusesAMissingOrBlankSignatureAndAnEmptySecret() {
        assertThat(WebhookSignature.matches(BODY, "Jefe", null)).isFalse();
        assertThat(WebhookSignature.matches(BODY, "Jefe", " ")).isFalse();
        assertThat(WebhookSignature.matches(BODY, "", "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="))
                .isFalse();
    }
}
