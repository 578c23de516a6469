package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * Events were appended to the log (published in the same transaction). It carries references only,
 * so that the publication registry stays small. Modules do not listen to it: they implement
 * {@link IngestedEventsConsumer}, which ingestion's single listener feeds with the events themselves,
 * so a batch costs one publication however many modules react. Delivery is at least once.
 */
public record EventsIngested(TenantId tenantId, UUID sourceId, List<EventRef> events) {

    public EventsIngested {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(sourceId, "sourceId is null");
        events = List.copyOf(events);
    }
}
