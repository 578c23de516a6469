package io.hearth.messaging.internal;

import io.hearth.testing.SecretSealingScenario;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A webhook signing secret stored as plain text before V82 is sealed, and sealed again after a key rotation. */
class WebhookSecretSealingTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void plainTextSigningSecretsAreSealedAndSealedAgainAfterAKeyRotation() throws Exception {
        new SecretSealingScenario(
                        "81",
                        List.of("insert into messaging_webhook_endpoint (tenant_id, url, secret, updated_at) values ('"
                                + TENANT + "', 'https://shop.test/hooks', 'whsec_plain', now())"),
                        "select secret_sealed from messaging_webhook_endpoint",
                        "whsec_plain",
                        WebhookEndpointStore.context(TENANT),
                        cipher -> List.of(new WebhookSecretSealing(cipher), new WebhookSecretSealing.Resealing(cipher)))
                .check();
    }
}
