package io.hearth.shared;

/**
 * Seals secrets that Hearth must read back later (a mailbox password, a signing secret) before they
 * are stored, and opens them again. A sealed value is bound to its {@code context} (say
 * {@code "support_mailbox:<tenant>"}), so a value copied into another row or tenant does not open.
 * Idempotent in effect only: sealing the same text twice gives two different values that both open.
 */
public interface SecretCipher {

    /** The sealed form of {@code plaintext}, safe to store. */
    String seal(String plaintext, String context);

    /**
     * The plaintext of a value {@link #seal} made.
     *
     * @throws Unreadable when the value was sealed with a key this process does not have, for
     *     another context, or was altered
     */
    String open(String sealed, String context);

    /** The id of the key values are sealed with now; it changes exactly when the key does. */
    String currentKeyId();

    /** Whether the value was sealed with a key other than the current one (so it should be sealed again). */
    boolean sealedWithOlderKey(String sealed);

    /** A sealed value that cannot be opened: the key is lost or the value was altered. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
