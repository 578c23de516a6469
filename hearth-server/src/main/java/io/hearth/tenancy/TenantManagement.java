package io.hearth.tenancy;

import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.internal.KeyHasher;
import io.hearth.tenancy.internal.RateLimiter;
import io.hearth.tenancy.internal.TenancyRepository;
import io.hearth.tenancy.internal.VerifiedKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The tenancy facade: creates tenants, sources and keys, and authenticates callers. Methods that take
 * a {@link TenantId} enter that tenant themselves; authentication works before any tenant is known.
 */
@Service
public class TenantManagement {

    /** Requests per second a key may make unless configured otherwise. */
    public static final int DEFAULT_RATE_PER_SECOND = 2_000;

    private final TenancyRepository repository;
    private final KeyHasher hasher;
    private final VerifiedKeys verified;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    TenantManagement(
            TenancyRepository repository,
            KeyHasher hasher,
            VerifiedKeys verified,
            RateLimiter rateLimiter,
            Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.verified = verified;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /**
     * Counts one request against a key's (or source's) rate.
     *
     * @throws HearthProblem {@link TenancyProblem#RATE_LIMITED}, with how long to wait, when over it
     */
    public void admit(UUID keyId, int ratePerSecond) {
        Duration wait = rateLimiter.acquire(keyId, ratePerSecond);
        if (!wait.isZero()) {
            throw new HearthProblem(
                    TenancyProblem.RATE_LIMITED,
                    "At most " + ratePerSecond + " requests per second are allowed",
                    List.of(),
                    wait);
        }
    }

    /** Creates a tenant with the given id (random when null). */
    public TenantId createTenant(@Nullable TenantId requested, String name, String defaultCurrency) {
        TenantId tenant = requested == null ? TenantId.random() : requested;
        TenantContext.run(tenant, () -> repository.insertTenant(tenant, name, defaultCurrency, clock.instant()));
        return tenant;
    }

    public boolean tenantExists(TenantId tenant) {
        return TenantContext.call(tenant, () -> repository.tenantExists(tenant));
    }

    /** The tenant's currency for amounts that arrive without one. */
    public String defaultCurrency(TenantId tenant) {
        return TenantContext.call(tenant, () -> repository.defaultCurrency(tenant));
    }

    /**
     * Creates a source. A Segment source gets a write key (the given one, or a new random one); a
     * webhook source needs the platform's shared secret.
     */
    public IssuedKey createSource(
            TenantId tenant, String name, SourceKind kind, @Nullable String writeKey, @Nullable String webhookSecret) {
        UUID sourceId = UUID.randomUUID();
        String key = writeKey != null ? writeKey : KeyHasher.newSecret("hw_");
        String hash = kind.usesWebhooks() ? null : hasher.hash(key);
        TenantContext.run(
                tenant,
                () -> repository.insertSource(
                        tenant, sourceId, name, kind, hash, webhookSecret, DEFAULT_RATE_PER_SECOND, clock.instant()));
        verified.forgetUnknown();
        return new IssuedKey(sourceId, kind.usesWebhooks() ? "" : key);
    }

    /** Creates an admin API key with the given scopes; the token is returned once. */
    public IssuedKey createApiKey(TenantId tenant, String name, Set<Scope> scopes, @Nullable String token) {
        UUID keyId = UUID.randomUUID();
        String secret = token != null ? token : KeyHasher.newSecret("hk_");
        TenantContext.run(
                tenant,
                () -> repository.insertApiKey(
                        tenant, keyId, name, scopes, hasher.hash(secret), DEFAULT_RATE_PER_SECOND, clock.instant()));
        verified.forgetUnknown();
        return new IssuedKey(keyId, secret);
    }

    public List<Source> sources(TenantId tenant) {
        return TenantContext.call(tenant, () -> repository.sources());
    }

    public List<ApiKey> apiKeys(TenantId tenant) {
        return TenantContext.call(tenant, () -> repository.apiKeys());
    }

    /**
     * Revokes a key: this node refuses it from the next request on, other nodes within {@link
     * VerifiedKeys#TTL} (they remember verified keys that long).
     */
    public void revokeApiKey(TenantId tenant, UUID keyId) {
        boolean revoked = TenantContext.call(tenant, () -> repository.revokeApiKey(keyId, clock.instant()));
        if (!revoked) {
            throw new HearthProblem(TenancyProblem.UNKNOWN_API_KEY, "No API key " + keyId);
        }
        verified.forgetKey(keyId);
    }

    /** The source whose write key this is; no database read when it was verified in the last 30 s. */
    public Optional<Principal> authenticateWriteKey(String writeKey) {
        String hash = hasher.hash(writeKey);
        return verified.verified("w:" + hash, () -> repository.findSourceByKeyHash(hash));
    }

    /** The API key this token is; no database read when it was verified in the last 30 s. */
    public Optional<Principal> authenticateApiKey(String token) {
        String hash = hasher.hash(token);
        return verified.verified("a:" + hash, () -> repository.findApiKeyByHash(hash));
    }

    public Optional<WebhookSource> webhookSource(UUID sourceId) {
        return repository.findWebhookSource(sourceId);
    }

    /** Removes demo keys issued on an earlier start so that only the newly printed ones work. */
    public void revokeApiKeysNamed(TenantId tenant, String name) {
        TenantContext.run(tenant, () -> repository.revokeApiKeysNamed(name, clock.instant()));
        verified.forgetAll();
    }

    /** Replaces a Segment source's write key. */
    public void replaceWriteKey(TenantId tenant, UUID sourceId, String writeKey) {
        TenantContext.run(tenant, () -> repository.replaceWriteKey(sourceId, hasher.hash(writeKey)));
        verified.forgetKey(sourceId);
        verified.forgetUnknown();
    }

    public Optional<UUID> sourceNamed(TenantId tenant, String name) {
        return TenantContext.call(tenant, () -> repository.sourceNamed(name));
    }
}
