package io.hearth.tenancy.internal;

import io.hearth.shared.ResealingMigration;
import io.hearth.shared.SealedColumn;
import io.hearth.shared.SealingMigration;
import io.hearth.shared.SecretCipher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The signing secrets of Shopify and WooCommerce sources, sealed with the secret key. As V82.1 it seals
 * those stored as plain text before; {@link Resealing} seals them again whenever the key changes. The
 * column keeps its name so that the lookup function webhooks use ({@code tenancy_find_webhook_source})
 * stays as it is.
 */
@Component
class SourceSecretSealing extends SealingMigration {

    static final SealedColumn SECRET = new SealedColumn(
            "tenancy_source",
            "webhook_secret",
            List.of("tenant_id", "source_id"),
            key -> TenancyRepository.secretContext(key.get(0), key.get(1)));

    SourceSecretSealing(SecretCipher cipher) {
        super(cipher, "82.1", "tenancy seal source webhook secrets", null, SECRET);
    }

    @Component
    static class Resealing extends ResealingMigration {

        Resealing(SecretCipher cipher) {
            super(cipher, "tenancy reseal source webhook secrets", List.of(SECRET));
        }
    }
}
