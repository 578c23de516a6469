package io.hearth.messaging.internal;

/** What a provider did with a message. */
sealed interface DeliveryResult {

    /** Accepted; {@code providerId} is the provider's reference (the Message-ID for email). */
    record Accepted(String providerId) implements DeliveryResult {}

    /** Refused before taking it, for a reason that may pass (4xx, connection refused): retry later. */
    record Transient(String reason) implements DeliveryResult {}

    /** Refused for good (5xx, invalid address): never retry. */
    record Permanent(String reason) implements DeliveryResult {}

    /**
     * Refused for good because the address itself is dead (no such mailbox, not a mobile number, an
     * unregistered push token): never retry, and suppress the address.
     */
    record Undeliverable(String reason) implements DeliveryResult {}

    /** The provider may have taken it (timeout after the data went out): never retry, never resend. */
    record Ambiguous(String reason) implements DeliveryResult {}
}
