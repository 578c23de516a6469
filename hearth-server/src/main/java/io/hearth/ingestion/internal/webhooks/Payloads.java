package io.hearth.ingestion.internal.webhooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Lenient readers for platform payloads: a field that is absent, null, blank or of an unexpected shape
 * reads as null, so that one odd field never costs the whole delivery.
 */
final class Payloads {

    private Payloads() {}

    /** A non-blank string, or a whole number as its digits. */
    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber() && value.canConvertToExactIntegral()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isString() && !value.stringValue().isBlank()) {
            return value.stringValue().trim();
        }
        return null;
    }

    /** A platform id: a positive whole number or a non-blank string; 0 means "none" on both platforms. */
    static @Nullable String id(@Nullable JsonNode node, String field) {
        String id = text(node, field);
        return id == null || id.equals("0") ? null : id;
    }

    /** An amount sent as a number or as a decimal string ("19.99"). */
    static @Nullable BigDecimal decimal(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.stringValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable Long whole(@Nullable JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** An ISO-8601 date-time; one without offset (WooCommerce's {@code *_gmt} fields) is UTC. */
    static @Nullable Instant instant(@Nullable JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
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

    static @Nullable String email(@Nullable JsonNode node, String field) {
        String email = text(node, field);
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    static JsonNode array(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : JsonNodeFactory.instance.arrayNode();
    }

    static @Nullable JsonNode object(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    @SafeVarargs
    static <T> @Nullable T first(@Nullable T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
