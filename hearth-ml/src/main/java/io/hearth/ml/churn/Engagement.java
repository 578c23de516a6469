package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One non-purchase touch point of a customer: a message opened, a click, a visit or a support contact.
 *
 * @param customerId opaque customer identifier
 * @param at when it happened
 * @param kind what it was
 */
public record Engagement(String customerId, Instant at, Kind kind) {

    /** Kinds of engagement; support contacts feed their own features because they often precede churn. */
    public enum Kind {
        MESSAGE_OPEN,
        CLICK,
        VISIT,
        SUPPORT_CONTACT,
        /** A support contact in which the customer wrote negatively: counted as a contact and as negative. */
        NEGATIVE_SUPPORT_CONTACT;

        boolean supportContact() {
            return this == SUPPORT_CONTACT || this == NEGATIVE_SUPPORT_CONTACT;
        }
    }

    /** Validates the fields. */
    public Engagement {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(at, "at is null");
        requireNonNull(kind, "kind is null");
    }
}
