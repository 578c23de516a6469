package io.hearth.journeys.internal;

import io.hearth.profiles.OrderStatus;
import io.hearth.shared.FieldError;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the fields of one object of a definition, collecting an error with its pointer for each bad one. */
final class Fields {

    private final @Nullable JsonNode node;
    private final String at;
    private final List<FieldError> errors;

    Fields(@Nullable JsonNode node, String at) {
        this(node, at, new ArrayList<>());
    }

    Fields(@Nullable JsonNode node, String at, List<FieldError> errors) {
        this.node = node;
        this.at = at;
        this.errors = errors;
    }

    boolean missing() {
        return node == null || node.isNull();
    }

    boolean has(String field) {
        return node != null && node.hasNonNull(field);
    }

    List<FieldError> errors() {
        return errors;
    }

    String at() {
        return at;
    }

    Fields object(String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            error("/" + field, "must be an object");
            return new Fields(null, at + "/" + field, errors);
        }
        return new Fields(value, at + "/" + field, errors);
    }

    @Nullable
    JsonNode raw(String field) {
        return node == null ? null : node.get(field);
    }

    void error(String pointer, String detail) {
        errors.add(new FieldError(at + pointer, detail));
    }

    @Nullable
    String text(String field, @Nullable String fallback) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            error("/" + field, "must be text");
            return fallback;
        }
        return value.stringValue();
    }

    String requiredText(String field) {
        String value = text(field, null);
        if (value == null || value.isBlank()) {
            if (raw(field) == null || raw(field).isNull()) {
                error("/" + field, "is required");
            }
            return "";
        }
        return value;
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            error("/" + field, "must be true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    long number(String field, long fallback, long min, long max) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max) {
            error("/" + field, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value.longValue();
    }

    double decimal(String field) {
        JsonNode value = raw(field);
        if (value == null || !value.isNumber()) {
            error("/" + field, "must be a number");
            return 0;
        }
        return value.doubleValue();
    }

    @Nullable
    Duration duration(String field, boolean required) {
        String value = required ? requiredText(field) : text(field, null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                error("/" + field, "must be positive");
            }
            return duration;
        } catch (DateTimeParseException e) {
            error("/" + field, "must be an ISO-8601 duration such as PT2H or P3D");
            return null;
        }
    }

    @Nullable
    LocalTime time(String field) {
        String value = text(field, null);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            error("/" + field, "must be a time of day such as 09:30");
            return null;
        }
    }

    OrderStatus orderStatus(String field) {
        String value = requiredText(field);
        try {
            return OrderStatus.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            error(
                    "/" + field,
                    "must be placed, paid, fulfilled, delivered, return-window-closed, refunded or cancelled");
            return OrderStatus.PLACED;
        }
    }

    UUID uuid(String field) {
        String value = requiredText(field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            error("/" + field, "must be a segment id (UUID)");
            return new UUID(0, 0);
        }
    }
}
