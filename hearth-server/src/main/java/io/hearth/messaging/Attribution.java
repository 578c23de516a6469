package io.hearth.messaging;

import org.jspecify.annotations.Nullable;

/**
 * What sent a message, carried on every tracking event it causes: a journey, its step and the variant
 * the customer was given. All null for a message sent outside journeys.
 */
public record Attribution(
        @Nullable String journey,
        @Nullable String step,
        @Nullable String variant) {

    public static final Attribution NONE = new Attribution(null, null, null);
}
