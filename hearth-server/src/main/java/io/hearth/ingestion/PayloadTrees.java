package io.hearth.ingestion;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parsed payloads shared by the consumers of one batch. Catalog, recommendations, profiles and
 * journeys read the same payloads one after the other on the batch's thread; each parsed them again
 * (up to five times for a product view).
 *
 * <p>The trees are shared, so readers must not change them (copy a node before changing it).
 */
public final class PayloadTrees {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ThreadLocal<Map<UUID, JsonNode>> SHARED = new ThreadLocal<>();

    private PayloadTrees() {}

    /** Runs work in which each event's payload is parsed at most once on this thread. */
    public static void shareWhile(Runnable work) {
        Map<UUID, JsonNode> outer = SHARED.get();
        SHARED.set(new HashMap<>());
        try {
            work.run();
        } finally {
            if (outer == null) {
                SHARED.remove();
            } else {
                SHARED.set(outer);
            }
        }
    }

    static JsonNode of(StoredEvent event) {
        Map<UUID, JsonNode> shared = SHARED.get();
        if (shared == null) {
            return JSON.readTree(event.payload());
        }
        return shared.computeIfAbsent(event.eventId(), id -> JSON.readTree(event.payload()));
    }
}
