package io.hearth.support.internal;

import io.hearth.testing.SecretSealingScenario;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database from before secrets were sealed: its plain-text mailbox password is sealed by the V80
 * migration, and sealed again with the new key when the secret key is rotated.
 */
class SecretsMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void plainTextPasswordsAreSealedAndSealedAgainAfterAKeyRotation() throws Exception {
        new SecretSealingScenario(
                        "71",
                        List.of("insert into support_mailbox (tenant_id, host, port, ssl, username, password, folder,"
                                + " address, updated_at) values ('" + TENANT + "', 'imap.test', 993, true, 'support',"
                                + " 'plain-app-password', 'INBOX', 'support@shop.test', now())"),
                        "select password_sealed from support_mailbox",
                        "plain-app-password",
                        SupportSecrets.mailboxContext(TENANT),
                        cipher -> List.of(new MailboxPasswordSealing(cipher), new SecretResealing(cipher)))
                .check();
    }
}
