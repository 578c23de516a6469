package io.hearth.tenancy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An admin API key as listed to the tenant's admins (never with its secret). */
public record ApiKey(
        UUID keyId,
        String name,
        Set<Scope> scopes,
        int ratePerSecond,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    public ApiKey {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(name, "name is null");
        scopes = Set.copyOf(scopes);
        requireNonNull(createdAt, "createdAt is null");
    }

    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }
}
