package io.hearth.journeys;

import static java.util.Objects.requireNonNull;

import io.hearth.privacy.Decision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The customer's best local time of day to receive a message, from predictions; empty when there is
 * no usable prediction, and the wait falls back to the configured send hour.
 */
public interface SendTimePort {

    /**
     * @param action what the time is for, e.g. {@code journey:welcome/send-later}: named in the
     *     decision log when the prediction is used
     */
    Choice bestSendTime(TenantId tenant, CustomerId customer, String action);

    /**
     * The time, and when it came from a served score the {@code prediction.served} decision the caller
     * appends to the decision log with its own (none when the configured hour applies).
     */
    record Choice(Optional<LocalTime> time, Optional<Decision> decision) {

        public static final Choice NONE = new Choice(Optional.empty(), Optional.empty());

        public Choice {
            requireNonNull(time, "time is null");
            requireNonNull(decision, "decision is null");
        }
    }
}
