package io.hearth.tenancy.internal;

import io.hearth.tenancy.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Keys verified in the last {@link #TTL}, by the hash of their secret (the secret itself is not kept),
 * so that an authenticated request costs a hash and a map lookup instead of a database round trip.
 * Revoking or replacing a key forgets it on this node at once; a change made on another node (or in
 * the database directly) is seen within the TTL. Secrets that match no key are remembered as well, so
 * a stream of bad keys costs no queries either, until a key is created.
 */
@Component
public class VerifiedKeys {

    /** How long another node's revocation or a scope or rate changed in the database can go unseen. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private static final int LIMIT = 10_000;

    private final ConcurrentHashMap<String, Cached> byHash = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedKeys(Clock clock) {
        this.clock = clock;
    }

    /** The remembered answer for this hash (of a kind: write or API key), else the lookup's, remembered. */
    public Optional<Principal> verified(String kindAndHash, Supplier<Optional<Principal>> lookup) {
        Instant now = clock.instant();
        Cached hit = byHash.get(kindAndHash);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.principal();
        }
        Optional<Principal> principal = lookup.get();
        if (byHash.size() >= LIMIT) {
            byHash.clear();
        }
        byHash.put(kindAndHash, new Cached(principal, now.plus(TTL)));
        return principal;
    }

    /** Forgets the key (an API key or a source's write key) with this id. */
    public void forgetKey(UUID keyId) {
        byHash.values()
                .removeIf(cached -> cached.principal()
                        .map(principal -> principal.keyId().equals(keyId))
                        .orElse(false));
    }

    /** Forgets the secrets that matched nothing: one of them may be a key just created. */
    public void forgetUnknown() {
        byHash.values().removeIf(cached -> cached.principal().isEmpty());
    }

    public void forgetAll() {
        byHash.clear();
    }

    private record Cached(Optional<Principal> principal, Instant expires) {}
}
