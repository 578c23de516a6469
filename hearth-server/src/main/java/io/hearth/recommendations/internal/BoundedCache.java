package io.hearth.recommendations.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A least-recently-used map of at most {@code capacity} entries, safe for many threads. Serving keeps
 * per-customer state here so that memory stays bounded however many customers a shop has; an evicted
 * entry is simply read again from the database on its next request.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable V get(K key) {
        return entries.get(key);
    }

    synchronized V computeIfAbsent(K key, Function<K, V> create) {
        return entries.computeIfAbsent(key, create);
    }

    /** Keeps the value already there, if any, and answers what the map now holds. */
    synchronized V putIfAbsent(K key, V value) {
        V present = entries.putIfAbsent(key, value);
        return present == null ? value : present;
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /** Puts the value only while the key still maps to {@code expected}: nothing removed or replaced it meanwhile. */
    synchronized boolean replace(K key, V expected, V value) {
        return entries.replace(key, expected, value);
    }

    /** Removes the key only while it still maps to {@code expected}. */
    synchronized void remove(K key, V expected) {
        entries.remove(key, expected);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
