package io.hearth.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Makes and hashes keys for storage. Keys are 190-bit random secrets, so a plain SHA-256 is enough (a
 * slow password hash protects guessable secrets, which these are not), and cheap enough to compute on
 * every request ({@link VerifiedKeys} remembers what a hash verified to).
 */
@Component
public class KeyHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    KeyHasher() {}

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
}
