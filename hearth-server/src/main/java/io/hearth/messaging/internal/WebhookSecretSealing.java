package io.hearth.messaging.internal;

import io.hearth.shared.ResealingMigration;
import io.hearth.shared.SealedColumn;
import io.hearth.shared.SealingMigration;
import io.hearth.shared.SecretCipher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The webhook channel's signing secrets, sealed with the secret key. As V82 it seals the plain-text
 * secrets stored before and renames the column to {@code secret_sealed}; {@link Resealing} seals them
 * again whenever the key changes.
 */
@Component
class WebhookSecretSealing extends SealingMigration {

    static final SealedColumn SECRET = new SealedColumn(
            "messaging_webhook_endpoint",
            "secret_sealed",
            List.of("tenant_id"),
            key -> WebhookEndpointStore.context(key.get(0)));

    WebhookSecretSealing(SecretCipher cipher) {
        super(cipher, "82", "messaging seal webhook secrets", "secret", SECRET);
    }

    @Component
    static class Resealing extends ResealingMigration {

        Resealing(SecretCipher cipher) {
            super(cipher, "messaging reseal webhook secrets", List.of(SECRET));
        }
    }
}
