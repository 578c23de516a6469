package io.hearth.ingestion.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a message inherits: the batch's context, integrations and sentAt, when it arrives the time
 * and the tenant's currency for amounts without one, how large it may be once normalized, and the
 * tenant's registered traits that identify calls are checked against.
 */
record MessageDefaults(
        @Nullable JsonNode context,
        @Nullable JsonNode integrations,
        @Nullable JsonNode sentAt,
        Instant receivedAt,
        String currency,
        int maxEventBytes,
        TraitSchema traits) {

    /** Events sent over HTTP: Segment's limit. */
    static final int MAX_API_EVENT_BYTES = MessageNormalizer.MAX_EVENT_BYTES;

    /** Imported orders: a wholesale invoice may have a thousand lines, and files are not requests. */
    static final int MAX_IMPORTED_EVENT_BYTES = 1024 * 1024;

    MessageDefaults(
            @Nullable JsonNode context,
            @Nullable JsonNode integrations,
            @Nullable JsonNode sentAt,
            Instant receivedAt,
            String currency) {
        this(context, integrations, sentAt, receivedAt, currency, MAX_API_EVENT_BYTES, TraitSchema.NONE);
    }

    MessageDefaults with(TraitSchema schema) {
        return new MessageDefaults(context, integrations, sentAt, receivedAt, currency, maxEventBytes, schema);
    }

    static MessageDefaults none(Instant receivedAt, String currency) {
        return new MessageDefaults(null, null, null, receivedAt, currency);
    }

    static MessageDefaults forImport(Instant receivedAt, String currency) {
        return new MessageDefaults(null, null, null, receivedAt, currency, MAX_IMPORTED_EVENT_BYTES, TraitSchema.NONE);
    }
}
