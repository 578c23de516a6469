package io.hearth.tenancy.internal;

import io.hearth.tenancy.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Hashes keys for storage and remembers recent authentications. Keys are 190-bit random secrets, so a
 * plain SHA-256 is enough (a slow password hash protects guessable secrets, which these are not).
 */
@Component
public class KeyHasher {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int CACHE_LIMIT = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    KeyHasher(Clock clock) {
        this.clock = clock;
    }

    public static String newSecret(String prefix) {
        StringBuilder secret = new StringBuilder(prefix);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    public String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Principal> cached(String cacheKey, Supplier<Optional<Principal>> lookup) {
        Instant now = clock.instant();
        Cached hit = cache.get(cacheKey);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.principal();
        }
        Optional<Principal> principal = lookup.get();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(cacheKey, new Cached(principal, now.plus(CACHE_TTL)));
        return principal;
    }

    public void forgetAll() {
        cache.clear();
    }

    private record Cached(Optional<Principal> principal, Instant expires) {}
}
