package io.hearth.loyalty.internal;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns a POST's {@code Idempotency-Key} header and its parsed body into the ledger's idempotency:
 * the key as the client gave it (kept apart from the keys the server makes), and a hash of the path
 * and the request record, so whitespace or key order do not make two equal requests differ.
 */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {}

    /** With no header, {@code natural} (a key derived from the request) or a fresh key when null. */
    static Idempotency of(@Nullable String header, String path, Record request, @Nullable String natural) {
        String hash = sha256(path + "\n" + request);
        if (header == null) {
            return new Idempotency(natural == null ? "auto:" + UUID.randomUUID() : natural, hash);
        }
        if (header.isBlank() || header.length() > 200) {
            throw new HearthProblem(
                    LoyaltyProblem.INVALID_REQUEST,
                    "The Idempotency-Key header has 1 to 200 characters",
                    List.of(new FieldError("/headers/Idempotency-Key", "must have 1 to 200 characters")));
        }
        return new Idempotency("client:" + header, hash);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
