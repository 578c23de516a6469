package io.hearth.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A tenant's definitions held in memory (a loyalty program's earn rules, tiers and rewards, its
 * published journeys), because the hot paths read them on every operation and they change a few
 * times a year. A change on this node is seen by the next
 * read (the entry is dropped when the change is made and again when it commits); another node sees
 * it within {@code ttl}. A load that raced with a change is not kept, so a dropped entry cannot come
 * back stale.
 */
public final class TenantCache<T> {

    private record Entry<T>(T value, long loadedAt) {}

    private final ConcurrentMap<TenantId, Entry<T>> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, Long> generations = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public TenantCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public T get(TenantId tenant, Supplier<T> load) {
        long now = System.nanoTime();
        Entry<T> cached = entries.get(tenant);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        long generation = generations.getOrDefault(tenant, 0L);
        T value = load.get();
        if (ttlNanos > 0 && generations.getOrDefault(tenant, 0L) == generation) {
            entries.put(tenant, new Entry<>(value, now));
        }
        return value;
    }

    /** The tenant's definition changes: dropped now, and again once the change commits. */
    public void changed(TenantId tenant) {
        drop(tenant);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(tenant);
                }
            });
        }
    }

    private void drop(TenantId tenant) {
        generations.merge(tenant, 1L, Long::sum);
        entries.remove(tenant);
    }
}
