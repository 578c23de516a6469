package io.hearth.ingestion.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a message inherits: the batch's context, integrations and sentAt, when it arrives the time
 * and the tenant's currency for amounts without one.
 */
record MessageDefaults(
        @Nullable JsonNode context,
        @Nullable JsonNode integrations,
        @Nullable JsonNode sentAt,
        Instant receivedAt,
        String currency) {

    static MessageDefaults none(Instant receivedAt, String currency) {
        return new MessageDefaults(null, null, null, receivedAt, currency);
    }
}
