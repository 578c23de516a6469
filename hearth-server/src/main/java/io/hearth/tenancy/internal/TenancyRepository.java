package io.hearth.tenancy.internal;

import io.hearth.shared.Scope;
import io.hearth.shared.SecretCipher;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.ApiKey;
import io.hearth.tenancy.Principal;
import io.hearth.tenancy.Principal.ApiKeyPrincipal;
import io.hearth.tenancy.Principal.SourcePrincipal;
import io.hearth.tenancy.Source;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.WebhookSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants, sources and API keys. Every query runs under row-level security for the current tenant. */
@Repository
public class TenancyRepository {

    private static final Logger log = LoggerFactory.getLogger(TenancyRepository.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    TenancyRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insertTenant(TenantId tenant, String name, String currency, Instant now) {
        jdbc.sql("""
                insert into tenancy_tenant (tenant_id, name, default_currency, created_at)
                values (:tenant, :name, :currency, :now)
                """)
                .param("tenant", tenant.value())
                .param("name", name)
                .param("currency", currency)
                .param("now", Timestamp.from(now))
                .update();
    }

    public boolean tenantExists(TenantId tenant) {
        return jdbc.sql("select count(*) from tenancy_tenant where tenant_id = :tenant")
                        .param("tenant", tenant.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public String defaultCurrency(TenantId tenant) {
        return jdbc.sql("select default_currency from tenancy_tenant where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(String.class)
                .optional()
                .orElse("USD");
    }

    public void insertSource(
            TenantId tenant,
            UUID sourceId,
            String name,
            SourceKind kind,
            @Nullable String keyHash,
            @Nullable String webhookSecret,
            int rate,
            Instant now) {
        jdbc.sql("""
                insert into tenancy_source
                    (tenant_id, source_id, name, kind, write_key_hash, webhook_secret, rate_per_second, created_at)
                values (:tenant, :source, :name, :kind, :hash, :secret, :rate, :now)
                """)
                .param("tenant", tenant.value())
                .param("source", sourceId)
                .param("name", name)
                .param("kind", kind.code())
                .param("hash", keyHash)
                .param(
                        "secret",
                        webhookSecret == null
                                ? null
                                : cipher.seal(webhookSecret, secretContext(tenant.value(), sourceId)))
                .param("rate", rate)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void insertApiKey(
            TenantId tenant, UUID keyId, String name, Set<Scope> scopes, String hash, int rate, Instant now) {
        String[] scopeNames = scopes.stream()
                .map(scope -> scope.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        jdbc.sql("""
                insert into tenancy_api_key (tenant_id, key_id, name, key_hash, scopes, rate_per_second, created_at)
                values (:tenant, :key, :name, :hash, :scopes, :rate, :now)
                """)
                .param("tenant", tenant.value())
                .param("key", keyId)
                .param("name", name)
                .param("hash", hash)
                .param("scopes", scopeNames)
                .param("rate", rate)
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<Source> sources() {
        return jdbc.sql(
                        "select source_id, name, kind, rate_per_second, created_at from tenancy_source order by created_at")
                .query((rs, row) -> new Source(
                        rs.getObject("source_id", UUID.class),
                        rs.getString("name"),
                        SourceKind.fromCode(rs.getString("kind")),
                        rs.getInt("rate_per_second"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public List<ApiKey> apiKeys() {
        return jdbc.sql("""
                select key_id, name, scopes, rate_per_second, created_at, revoked_at
                from tenancy_api_key order by created_at
                """)
                .query((rs, row) -> new ApiKey(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("name"),
                        scopes(rs.getArray("scopes")),
                        rs.getInt("rate_per_second"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("revoked_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .list();
    }

    public boolean revokeApiKey(UUID keyId, Instant now) {
        return jdbc.sql("update tenancy_api_key set revoked_at = :now where key_id = :key and revoked_at is null")
                        .param("now", Timestamp.from(now))
                        .param("key", keyId)
                        .update()
                > 0;
    }

    public void revokeApiKeysNamed(String name, Instant now) {
        jdbc.sql("update tenancy_api_key set revoked_at = :now where name = :name and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("name", name)
                .update();
    }

    public void replaceWriteKey(UUID sourceId, String hash) {
        jdbc.sql("update tenancy_source set write_key_hash = :hash where source_id = :source")
                .param("hash", hash)
                .param("source", sourceId)
                .update();
    }

    public Optional<UUID> sourceNamed(String name) {
        return jdbc.sql("select source_id from tenancy_source where name = :name")
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    public Optional<Principal> findSourceByKeyHash(String hash) {
        return jdbc.sql("select tenant_id, source_id, rate_per_second from tenancy_find_source_by_key(:hash)")
                .param("hash", hash)
                .query((rs, row) -> (Principal) new SourcePrincipal(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("source_id", UUID.class),
                        rs.getInt("rate_per_second")))
                .optional();
    }

    public Optional<Principal> findApiKeyByHash(String hash) {
        return jdbc.sql("select tenant_id, key_id, scopes, rate_per_second from tenancy_find_api_key(:hash)")
                .param("hash", hash)
                .query((rs, row) -> (Principal) new ApiKeyPrincipal(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("key_id", UUID.class),
                        scopes(rs.getArray("scopes")),
                        rs.getInt("rate_per_second")))
                .optional();
    }

    public Optional<WebhookSource> findWebhookSource(UUID sourceId) {
        return jdbc
                .sql("select tenant_id, kind, webhook_secret, rate_per_second from tenancy_find_webhook_source(:id)")
                .param("id", sourceId)
                .query((rs, row) -> Optional.ofNullable(webhookSource(rs, sourceId)))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The sealed secret is bound to its tenant and source, so a value copied to another row does not open. */
    static String secretContext(UUID tenant, UUID sourceId) {
        return "tenancy_source.webhook_secret:" + tenant + ":" + sourceId;
    }

    /** Null when this server's secret key cannot open the signing secret: the source must be created again. */
    private @Nullable WebhookSource webhookSource(ResultSet rs, UUID sourceId) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        try {
            return new WebhookSource(
                    new TenantId(tenant),
                    sourceId,
                    SourceKind.fromCode(rs.getString("kind")),
                    cipher.open(rs.getString("webhook_secret"), secretContext(tenant, sourceId)),
                    rs.getInt("rate_per_second"));
        } catch (SecretCipher.Unreadable e) {
            log.warn("the webhook secret of source {} cannot be opened: {}", sourceId, e.getMessage());
            return null;
        }
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        return Arrays.stream(names)
                .map(name -> Scope.valueOf(name.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
