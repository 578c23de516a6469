package io.hearth.recommendations.internal;

import io.hearth.ingestion.EventPage;
import io.hearth.ingestion.EventQuery;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;

/** Reads a tenant's product signals from the event log, page by page, through the ingestion facade. */
@Component
class SignalReader {

    private final IngestionManagement ingestion;

    SignalReader(IngestionManagement ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * The signals of up to {@code maxEvents} events of each kind since {@code from}, newest first;
     * {@code progress} hears how many events were read so far.
     */
    List<Signal> since(TenantId tenant, Instant from, int maxEvents, IntConsumer progress) {
        List<Signal> signals = new ArrayList<>();
        int read = 0;
        for (String name : EventSignals.WEIGHTS.keySet()) {
            String cursor = null;
            int ofKind = 0;
            do {
                EventPage page = ingestion.events(
                        tenant, new EventQuery("track", name, null, null, from, null, EventQuery.MAX_LIMIT, cursor));
                for (StoredEvent event : page.events()) {
                    signals.addAll(EventSignals.of(event));
                }
                read += page.events().size();
                ofKind += page.events().size();
                progress.accept(read);
                cursor = page.next();
            } while (cursor != null && ofKind < maxEvents);
        }
        return signals;
    }

    /** The recent events of one identity (user id or anonymous id), newest first, at most 200. */
    List<StoredEvent> recent(TenantId tenant, String identity, Instant from) {
        boolean user = identity.startsWith("u:");
        String value = identity.substring(2);
        EventQuery query =
                new EventQuery("track", null, user ? value : null, user ? null : value, from, null, 200, null);
        return ingestion.events(tenant, query).events();
    }
}
