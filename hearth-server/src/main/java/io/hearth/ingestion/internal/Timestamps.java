package io.hearth.ingestion.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** ISO-8601 timestamps as the Segment spec sends them; a time without offset is taken as UTC. */
final class Timestamps {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Timestamps() {}

    static @Nullable Instant parse(@Nullable JsonNode value, String pointer, Violations violations) {
        if (value == null || value.isNull()) {
            return null;
        }
        Instant parsed = value.isString() ? parse(value.stringValue().trim()) : null;
        if (parsed == null || parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            violations.add("invalid-timestamp", pointer, "must be an ISO-8601 date-time such as 2026-11-24T10:15:30Z");
            return null;
        }
        return parsed;
    }

    private static @Nullable Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
