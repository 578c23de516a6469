package io.hearth.ingestion.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one message against the Segment spec and brings it into the stored form: message id and
 * timestamps filled in (with Segment's clock-skew correction), batch context merged, commerce
 * properties normalized. Reports every field at fault, not just the first.
 */
@Component
class MessageNormalizer {

    static final int MAX_EVENT_BYTES = 32 * 1024;
    private static final int MAX_ID_LENGTH = 255;
    private static final Set<String> COMMON_FIELDS = Set.of(
            "type",
            "messageId",
            "userId",
            "anonymousId",
            "context",
            "integrations",
            "timestamp",
            "originalTimestamp",
            "sentAt",
            "receivedAt",
            "version",
            "channel",
            "writeKey",
            "_metadata",
            "rudderId",
            "request_ip",
            "options");
    private static final Map<String, Set<String>> TYPE_FIELDS = Map.of(
            "track", Set.of("event", "properties"),
            "identify", Set.of("traits"),
            "alias", Set.of("previousId"),
            "page", Set.of("name", "category", "properties"),
            "screen", Set.of("name", "category", "properties"),
            "group", Set.of("groupId", "traits"));

    private final JsonMapper json;

    MessageNormalizer(JsonMapper json) {
        this.json = json;
    }

    static boolean isKnownType(String type) {
        return TYPE_FIELDS.containsKey(type);
    }

    NormalizedMessage normalize(JsonNode input, @Nullable String forcedType, MessageDefaults defaults) {
        Violations violations = new Violations();
        if (!(input instanceof ObjectNode message)) {
            violations.add("not-an-object", "", "an event must be a JSON object");
            return NormalizedMessage.rejected(violations);
        }
        String type = forcedType != null ? forcedType : text(message, "type", violations, true);
        if (type == null || !isKnownType(type)) {
            if (type != null) {
                violations.add("unknown-type", "/type", "must be one of " + TYPE_FIELDS.keySet());
            }
            return NormalizedMessage.rejected(violations);
        }
        message.put("type", type);
        checkFields(message, type, violations);
        String userId = identifier(message, "userId", violations);
        String anonymousId = identifier(message, "anonymousId", violations);
        if (userId == null && anonymousId == null) {
            violations.add("missing-identity", "/userId", "userId or anonymousId is required");
        }
        String event = typeSpecific(message, type, defaults, violations);
        Instant timestamp = timestamps(message, defaults, violations);
        inherit(message, "context", defaults.context(), violations);
        inherit(message, "integrations", defaults.integrations(), violations);
        String messageId = messageId(message, violations);
        if (!violations.isEmpty()) {
            return NormalizedMessage.rejected(violations);
        }
        String payload = json.writeValueAsString(message);
        if (utf8Length(payload) > defaults.maxEventBytes()) {
            violations.add("event-too-large", "", "an event may be at most " + defaults.maxEventBytes() / 1024 + " KB");
            return NormalizedMessage.rejected(violations);
        }
        return NormalizedMessage.accepted(new PendingEvent(
                UUID.randomUUID(),
                messageId,
                type,
                event,
                userId,
                anonymousId,
                timestamp,
                defaults.receivedAt(),
                payload));
    }

    /** Bytes of the text in UTF-8, counted without encoding it. */
    static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    private static void checkFields(ObjectNode message, String type, Violations violations) {
        Set<String> allowed = TYPE_FIELDS.get(type);
        for (String field : message.propertyNames()) {
            if (!COMMON_FIELDS.contains(field) && !allowed.contains(field)) {
                violations.add("unknown-field", "/" + field, "is not a field of a " + type + " call");
            }
        }
    }

    private static @Nullable String typeSpecific(
            ObjectNode message, String type, MessageDefaults defaults, Violations violations) {
        switch (type) {
            case "track" -> {
                String event = text(message, "event", violations, true);
                ObjectNode properties = object(message, "properties", violations);
                if (event != null && properties != null && CommerceRules.applies(event)) {
                    CommerceRules.normalize(event, properties, defaults.currency(), violations);
                }
                return event;
            }
            case "identify" -> {
                ObjectNode traits = object(message, "traits", violations);
                if (traits != null || !message.hasNonNull("traits")) {
                    defaults.traits().check(traits, violations);
                }
                return null;
            }
            case "group" -> {
                object(message, "traits", violations);
                identifierRequired(message, "groupId", violations);
                return null;
            }
            case "alias" -> {
                identifierRequired(message, "previousId", violations);
                if (!message.hasNonNull("userId")) {
                    violations.add("missing-user-id", "/userId", "alias needs the new userId");
                }
                return null;
            }
            default -> {
                object(message, "properties", violations);
                return text(message, "name", violations, false);
            }
        }
    }

    /**
     * Segment's rule: when the client says when it sent the message, trust the gap between its
     * timestamp and sentAt, not its clock: timestamp = receivedAt - (sentAt - originalTimestamp).
     */
    private static Instant timestamps(ObjectNode message, MessageDefaults defaults, Violations violations) {
        Instant received = defaults.receivedAt();
        Instant original = Timestamps.parse(message.get("timestamp"), "/timestamp", violations);
        if (original == null) {
            original = Timestamps.parse(message.get("originalTimestamp"), "/originalTimestamp", violations);
        }
        JsonNode sentAtNode = message.hasNonNull("sentAt") ? message.get("sentAt") : defaults.sentAt();
        Instant sentAt = Timestamps.parse(sentAtNode, "/sentAt", violations);
        Instant corrected = (original == null ? received : original).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (original != null && sentAt != null) {
            corrected = received.minus(Duration.between(original, sentAt))
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        message.put("receivedAt", Timestamps.format(received));
        message.put("timestamp", Timestamps.format(corrected));
        if (original != null) {
            message.put("originalTimestamp", Timestamps.format(original));
        }
        if (sentAt != null) {
            message.put("sentAt", Timestamps.format(sentAt));
        }
        return corrected;
    }

    private static void inherit(
            ObjectNode message, String field, @Nullable JsonNode batchValue, Violations violations) {
        ObjectNode own = object(message, field, violations);
        if (!(batchValue instanceof ObjectNode batchObject)) {
            return;
        }
        ObjectNode merged = batchObject.deepCopy();
        if (own != null) {
            merged.setAll(own);
        }
        message.set(field, merged);
    }

    private static String messageId(ObjectNode message, Violations violations) {
        String given = identifier(message, "messageId", violations);
        if (given != null) {
            return given;
        }
        String generated = "hearth-" + UUID.randomUUID();
        message.put("messageId", generated);
        return generated;
    }

    private static void identifierRequired(ObjectNode message, String field, Violations violations) {
        if (identifier(message, field, violations) == null) {
            violations.add("missing-" + field.toLowerCase(java.util.Locale.ROOT), "/" + field, field + " is required");
        }
    }

    /** Ids are strings; numbers are accepted and kept as strings, as Segment does. */
    private static @Nullable String identifier(ObjectNode message, String field, Violations violations) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String id = value.isNumber() && value.canConvertToExactIntegral()
                ? value.bigIntegerValue().toString()
                : value.isString() ? value.stringValue() : null;
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            violations.add(
                    "invalid-" + field.toLowerCase(java.util.Locale.ROOT),
                    "/" + field,
                    "must be a non-empty string of at most " + MAX_ID_LENGTH + " characters");
            return null;
        }
        message.put(field, id);
        return id;
    }

    private static @Nullable String text(ObjectNode message, String field, Violations violations, boolean required) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(
                        "missing-" + field.toLowerCase(java.util.Locale.ROOT), "/" + field, field + " is required");
            }
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            violations.add(
                    "invalid-" + field.toLowerCase(java.util.Locale.ROOT), "/" + field, "must be a non-empty string");
            return null;
        }
        return value.stringValue();
    }

    private static @Nullable ObjectNode object(ObjectNode message, String field, Violations violations) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        violations.add("invalid-" + field.toLowerCase(java.util.Locale.ROOT), "/" + field, "must be a JSON object");
        return null;
    }
}
