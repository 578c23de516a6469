package io.hearth.catalog.internal;

import io.hearth.catalog.ProductUpdate;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last update this node stored for each product it learned from events, so that the same product
 * named again in the next batch (a product page viewed a thousand times a minute) costs no statement.
 * Entries expire, and any other write of the product through this node forgets it, so a change made
 * elsewhere (another node, the product API) is overwritten by the next mention at the latest after the
 * time to live, as it was before every mention.
 */
final class LearnedProducts {

    private record Key(TenantId tenant, String productId) {}

    private record Learned(ProductUpdate update, Instant at) {}

    private final Map<Key, Learned> entries;
    private final Duration timeToLive;
    private final Clock clock;

    LearnedProducts(int capacity, Duration timeToLive, Clock clock) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Learned> eldest) {
                return size() > capacity;
            }
        };
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** Whether this node stored exactly this update for the product within the time to live. */
    synchronized boolean alreadyStored(TenantId tenant, ProductUpdate update) {
        Learned learned = entries.get(new Key(tenant, update.productId()));
        return learned != null
                && learned.update().equals(update)
                && learned.at().plus(timeToLive).isAfter(clock.instant());
    }

    synchronized void remember(TenantId tenant, ProductUpdate update) {
        entries.put(new Key(tenant, update.productId()), new Learned(update, clock.instant()));
    }

    synchronized void forget(TenantId tenant, String productId) {
        entries.remove(new Key(tenant, productId));
    }
}
