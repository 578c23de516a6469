package io.hearth.ingestion.internal;

import io.hearth.ingestion.EventPage;
import io.hearth.ingestion.EventQuery;
import io.hearth.ingestion.EventRef;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the event log of one tenant. */
@Component
public class EventReader {

    private final EventSearch search;
    private final JdbcClient jdbc;

    EventReader(EventSearch search, JdbcClient jdbc) {
        this.search = search;
        this.jdbc = jdbc;
    }

    public EventPage find(TenantId tenant, EventQuery query) {
        return TenantContext.call(tenant, () -> search.find(query));
    }

    public List<StoredEvent> byReference(TenantId tenant, List<EventRef> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return TenantContext.call(tenant, () -> search.byReference(references));
    }

    public long count(TenantId tenant, @Nullable String type) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("select count(*) from ingestion_event where (:type::text is null or type = :type)")
                        .param("type", type)
                        .query(Long.class)
                        .single());
    }
}
