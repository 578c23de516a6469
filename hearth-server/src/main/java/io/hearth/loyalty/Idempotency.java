package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * What makes a ledger write safe to retry: the key names the write, the request hash says what was
 * asked. The same key with the same hash answers the first result; with another hash it is refused.
 */
public record Idempotency(String key, String requestHash) {

    public Idempotency {
        requireNonNull(key, "key is null");
        requireNonNull(requestHash, "requestHash is null");
        if (key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("an idempotency key has 1 to 255 characters");
        }
    }
}
