package io.hearth.catalog.internal;

import io.hearth.catalog.ProductUpdate;
import io.hearth.ingestion.EventsIngested;
import io.hearth.ingestion.IngestionManagement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Learns products from every batch of stored events, after the batch committed. Idempotent: an
 * update that changes nothing stores and publishes nothing. A field an event gets wrong (too long)
 * leaves that product out rather than the batch.
 */
@Component
class CatalogListener {

    private final CatalogService catalog;
    private final IngestionManagement ingestion;

    CatalogListener(CatalogService catalog, IngestionManagement ingestion) {
        this.catalog = catalog;
        this.ingestion = ingestion;
    }

    @Async(CatalogExecutorConfiguration.NAME)
    @TransactionalEventListener
    void on(EventsIngested ingested) {
        List<ProductUpdate> updates =
                new ArrayList<>(EventProducts.from(ingestion.events(ingested.tenantId(), ingested.events())));
        for (int from = 0; from < updates.size(); from += CatalogService.MAX_BATCH) {
            catalog.upsert(
                    ingested.tenantId(),
                    updates.subList(from, Math.min(updates.size(), from + CatalogService.MAX_BATCH)));
        }
    }
}
