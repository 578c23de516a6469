package io.hearth.profiles;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How an order travels, as the shop reported it on its order events; each field keeps the latest
 * value any event gave, so an event without tracking details erases nothing.
 *
 * @param estimatedDelivery the day the carrier expects to deliver
 */
public record Shipment(
        @Nullable String carrier,
        @Nullable String trackingNumber,
        @Nullable String trackingUrl,
        @Nullable LocalDate estimatedDelivery) {

    /** This shipment with the other's known fields over its own. */
    public Shipment updatedBy(Shipment later) {
        return new Shipment(
                later.carrier != null ? later.carrier : carrier,
                later.trackingNumber != null ? later.trackingNumber : trackingNumber,
                later.trackingUrl != null ? later.trackingUrl : trackingUrl,
                later.estimatedDelivery != null ? later.estimatedDelivery : estimatedDelivery);
    }

    public boolean isEmpty() {
        return carrier == null && trackingNumber == null && trackingUrl == null && estimatedDelivery == null;
    }
}
