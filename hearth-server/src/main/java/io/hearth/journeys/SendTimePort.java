package io.hearth.journeys;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The customer's best local time of day to receive a message, from predictions; empty when there is
 * no usable prediction, and the wait falls back to the configured send hour.
 */
public interface SendTimePort {

    Optional<LocalTime> bestSendTime(TenantId tenant, CustomerId customer);
}
