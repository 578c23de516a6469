package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event as kept in the log: its ids, the Segment type and name, who it is about, when it happened
 * (clock-skew corrected) and the normalized message as JSON.
 */
public record StoredEvent(
        UUID eventId,
        UUID sourceId,
        String messageId,
        String type,
        @Nullable String event,
        @Nullable String userId,
        @Nullable String anonymousId,
        Instant timestamp,
        Instant receivedAt,
        String payload) {

    public StoredEvent {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(type, "type is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(payload, "payload is null");
    }

    /**
     * The payload parsed; while a batch's consumers run it is parsed once for all of them
     * ({@link PayloadTrees}). The tree may be shared: do not change it.
     */
    public JsonNode payloadTree() {
        return PayloadTrees.of(this);
    }
}
