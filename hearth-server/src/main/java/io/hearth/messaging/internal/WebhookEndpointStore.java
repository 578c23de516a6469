package io.hearth.messaging.internal;

import io.hearth.messaging.WebhookEndpoint;
import io.hearth.shared.SecretCipher;
import io.hearth.shared.TenantId;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's webhook endpoint; configuring it again replaces the URL and makes a new secret. */
@Repository
class WebhookEndpointStore implements WebhookEndpoints {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    private final SecretCipher cipher;

    WebhookEndpointStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The sealed secret is bound to its tenant, so a row copied to another tenant does not open. */
    static String context(UUID tenant) {
        return "messaging_webhook_endpoint.secret:" + tenant;
    }

    WebhookEndpoint configure(TenantId tenant, URI url, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        jdbc.sql("""
                insert into messaging_webhook_endpoint (tenant_id, url, secret_sealed, updated_at)
                values (:tenant, :url, :secret, :now)
                on conflict (tenant_id) do update set url = excluded.url, secret_sealed = excluded.secret_sealed,
                    updated_at = excluded.updated_at
                """)
                .param("tenant", tenant.value())
                .param("url", url.toString())
                .param("secret", cipher.seal(secret, context(tenant.value())))
                .param("now", Timestamp.from(now))
                .update();
        return new WebhookEndpoint(url, secret, now);
    }

    Optional<WebhookEndpoint> read(TenantId tenant) {
        return jdbc.sql("select url, updated_at from messaging_webhook_endpoint where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query((rs, row) -> new WebhookEndpoint(
                        URI.create(rs.getString("url")),
                        null,
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    @Override
    public Optional<Endpoint> of(TenantId tenant) {
        return jdbc.sql("select url, secret_sealed from messaging_webhook_endpoint where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query((rs, row) -> new Endpoint(
                        URI.create(rs.getString("url")),
                        cipher.open(rs.getString("secret_sealed"), context(tenant.value()))))
                .optional();
    }
}
