package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * Events were appended to the log (published in the same transaction). It carries references only,
 * so that the publication registry stays small; listeners read the events with
 * {@link IngestionManagement#events(TenantId, List)}. Delivery is at least once, so listeners must be
 * idempotent.
 */
public record EventsIngested(TenantId tenantId, UUID sourceId, List<EventRef> events) {

    public EventsIngested {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(sourceId, "sourceId is null");
        events = List.copyOf(events);
    }
}
