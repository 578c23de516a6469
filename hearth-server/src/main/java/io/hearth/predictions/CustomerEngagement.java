package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;

/**
 * One touch point of a customer that is not a purchase.
 *
 * @param at when it happened
 */
public record CustomerEngagement(CustomerId customer, Instant at, Kind kind) {

    public CustomerEngagement {
        requireNonNull(customer, "customer is null");
        requireNonNull(at, "at is null");
        requireNonNull(kind, "kind is null");
    }

    /** What it was. */
    public enum Kind {
        MESSAGE_OPENED,
        MESSAGE_CLICKED,
        /** A support conversation the customer started. */
        SUPPORT_CONTACT,
        /** A support conversation in which the customer wrote at or below the shop's negative-sentiment line. */
        NEGATIVE_SUPPORT_CONTACT
    }
}
