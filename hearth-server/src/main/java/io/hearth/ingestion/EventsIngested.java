package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * Events were appended to the log (published in the same transaction). Listeners read what they need
 * through {@link IngestionManagement}; delivery is at least once, so they must be idempotent.
 */
public record EventsIngested(TenantId tenantId, UUID sourceId, List<StoredEvent> events) {

    public EventsIngested {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(sourceId, "sourceId is null");
        events = List.copyOf(events);
    }
}
