package io.hearth.catalog.internal;

import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Learns products from every batch of stored events, after the batch committed. Idempotent: an
 * update that changes nothing stores and publishes nothing, and one this node just stored is not even
 * sent to the database. A field an event gets wrong (too long)
 * leaves that product out rather than the batch.
 */
@Component
class CatalogListener implements IngestedEventsConsumer {

    private final CatalogService catalog;

    CatalogListener(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events) {
        catalog.learn(tenant, new ArrayList<>(EventProducts.from(events)));
    }
}
