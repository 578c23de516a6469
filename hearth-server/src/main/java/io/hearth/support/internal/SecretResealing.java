package io.hearth.support.internal;

import io.hearth.shared.ResealingMigration;
import io.hearth.shared.SealedColumn;
import io.hearth.shared.SecretCipher;
import java.util.List;
import org.springframework.stereotype.Component;

/** Seals every support secret again when the secret key changes: mailbox passwords and widget secrets. */
@Component
class SecretResealing extends ResealingMigration {

    SecretResealing(SecretCipher cipher) {
        super(
                cipher,
                "support reseal secrets",
                List.of(
                        MailboxPasswordSealing.PASSWORD,
                        widgetSecret("secret_sealed"),
                        widgetSecret("previous_sealed")));
    }

    private static SealedColumn widgetSecret(String column) {
        return new SealedColumn(
                "support_widget_secret", column, List.of("tenant_id"), key -> SupportSecrets.widgetContext(key.get(0)));
    }
}
