package io.hearth.tenancy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets per key, refilled continuously at the key's rate with one second of burst. Kept in
 * memory per node: with N replicas a key may reach N times its rate, which the docs state.
 */
@Component
public class RateLimiter {

    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one token; answers how long to wait when none is left, or zero when allowed. */
    public Duration acquire(UUID key, int ratePerSecond) {
        Bucket bucket = buckets.computeIfAbsent(key, id -> new Bucket(ratePerSecond, clock.millis()));
        return bucket.take(ratePerSecond, clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long lastMillis;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.lastMillis = now;
        }

        synchronized Duration take(int ratePerSecond, long now) {
            tokens = Math.min(ratePerSecond, tokens + (now - lastMillis) * ratePerSecond / 1000.0);
            lastMillis = Math.max(lastMillis, now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            long waitMillis = (long) Math.ceil((1 - tokens) * 1000.0 / ratePerSecond);
            return Duration.ofMillis(Math.max(1, waitMillis));
        }
    }
}
