package io.hearth.support.internal;

import io.hearth.shared.SealedColumn;
import io.hearth.shared.SealingMigration;
import io.hearth.shared.SecretCipher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * V80: mailbox passwords were stored as plain text. This seals every stored one with the secret key
 * and renames the column to {@code password_sealed}, so no code can read it as plain text by mistake.
 */
@Component
class MailboxPasswordSealing extends SealingMigration {

    static final SealedColumn PASSWORD = new SealedColumn(
            "support_mailbox",
            "password_sealed",
            List.of("tenant_id"),
            key -> SupportSecrets.mailboxContext(key.get(0)));

    MailboxPasswordSealing(SecretCipher cipher) {
        super(cipher, "80", "support seal mailbox passwords", "password", PASSWORD);
    }
}
