package io.hearth.tenancy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.Scope;
import io.hearth.shared.TenantId;
import java.util.Set;
import java.util.UUID;

/** Who is calling: a source through its write key, or an API key with scopes. */
public sealed interface Principal {

    TenantId tenantId();

    /** The id rate limits and de-duplication are kept per: the source or the API key. */
    UUID keyId();

    int ratePerSecond();

    Set<Scope> scopes();

    /** A source sending events with its write key: it may only ingest. */
    record SourcePrincipal(TenantId tenantId, UUID sourceId, int ratePerSecond) implements Principal {
        public SourcePrincipal {
            requireNonNull(tenantId, "tenantId is null");
            requireNonNull(sourceId, "sourceId is null");
        }

        @Override
        public UUID keyId() {
            return sourceId;
        }

        @Override
        public Set<Scope> scopes() {
            return Set.of(Scope.INGEST);
        }
    }

    /** An admin API key used as a Bearer token. */
    record ApiKeyPrincipal(TenantId tenantId, UUID keyId, Set<Scope> scopes, int ratePerSecond) implements Principal {
        public ApiKeyPrincipal {
            requireNonNull(tenantId, "tenantId is null");
            requireNonNull(keyId, "keyId is null");
            scopes = Set.copyOf(scopes);
        }
    }
}
