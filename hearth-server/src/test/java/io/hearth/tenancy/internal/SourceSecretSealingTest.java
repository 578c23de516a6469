package io.hearth.tenancy.internal;

import io.hearth.testing.SecretSealingScenario;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A Shopify source's signing secret stored as plain text before V82.1 is sealed, and sealed again after a key rotation. */
class SourceSecretSealingTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SOURCE = UUID.randomUUID();

    @Test
    void plainTextSourceSecretsAreSealedAndSealedAgainAfterAKeyRotation() throws Exception {
        new SecretSealingScenario(
                        "81",
                        List.of(
                                "insert into tenancy_tenant (tenant_id, name, created_at) values ('" + TENANT
                                        + "', 'shop', now())",
                                "insert into tenancy_source (tenant_id, source_id, name, kind, webhook_secret,"
                                        + " rate_per_second, created_at) values ('" + TENANT + "', '" + SOURCE
                                        + "', 'shopify', 'shopify', 'shpss_plain', 100, now())"),
                        "select webhook_secret from tenancy_source",
                        "shpss_plain",
                        TenancyRepository.secretContext(TENANT, SOURCE),
                        cipher -> List.of(new SourceSecretSealing(cipher), new SourceSecretSealing.Resealing(cipher)))
                .check();
    }
}
