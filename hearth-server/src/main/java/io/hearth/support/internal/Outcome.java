package io.hearth.support.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an automation did.
 *
 * @param helped whether it answered the customer's need (an answer that it cannot find the order does not)
 * @param orderId the order it was about, if any
 * @param action the order action requested ({@code cancel}, {@code return}, {@code change_address}), if any
 */
record Outcome(
        String automation,
        String answer,
        boolean helped,
        @Nullable String orderId,
        @Nullable String action) {

    static Outcome failed(String automation, String answer) {
        return new Outcome(automation, answer, false, null, null);
    }

    static Outcome answered(String automation, String answer, @Nullable String orderId) {
        return new Outcome(automation, answer, true, orderId, null);
    }
}
