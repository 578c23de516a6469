package io.hearth.messaging;

import java.util.Locale;

/** Where a message is in its delivery. */
public enum MessageStatus {
    /** Accepted, about to be handed to its channel. */
    QUEUED,
    /** Being handed to the channel right now (or the node died while it was: then it stays here). */
    SENDING,
    /** The channel accepted it. */
    SENT,
    /** The channel refused it for a reason that may pass; another attempt is scheduled. */
    RETRYING,
    /** Refused for good (bad address, missing template variable, too many attempts). */
    FAILED,
    /** Not sent: the customer's consent does not allow it, or there is no address. */
    SUPPRESSED,
    /** The channel may or may not have taken it (a timeout after the data went out); never retried. */
    UNKNOWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
