package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads consent out of a Segment message: {@code identify} traits ({@code consent: {marketing: true}},
 * {@code consent: {marketing: {email: true}}}, {@code marketing_opt_in}, {@code email_opt_in},
 * {@code sms_opt_in}, {@code push_opt_in}) and, on any message, Segment's
 * {@code context.consent.categoryPreferences} ({@code {"marketing": true, "analytics": false}}).
 * Only booleans count; categories that name no purpose are ignored.
 */
public final class SegmentConsents {

    static final String IDENTIFY_SOURCE = "identify";
    static final String CONTEXT_SOURCE = "context.consent";

    /** Flat opt-in traits and what they answer; the {@code consent} object wins over them. */
    private static final Map<String, Channel> MARKETING_OPT_INS = Map.of(
            "marketing_opt_in", Channel.ANY,
            "marketingOptIn", Channel.ANY,
            "email_opt_in", Channel.EMAIL,
            "emailOptIn", Channel.EMAIL,
            "sms_opt_in", Channel.SMS,
            "smsOptIn", Channel.SMS,
            "push_opt_in", Channel.PUSH,
            "pushOptIn", Channel.PUSH);

    private SegmentConsents() {}

    public static List<ConsentChange> extract(CustomerId customer, JsonNode message) {
        Instant occurredAt = occurredAt(message);
        String messageId = message.path("messageId").asString("");
        String proof = messageId.isEmpty() ? null : "messageId=" + abbreviate(messageId);
        Changes changes = new Changes(customer, occurredAt, proof);
        if ("identify".equals(message.path("type").asString(""))) {
            JsonNode traits = message.path("traits");
            for (Map.Entry<String, JsonNode> trait : traits.properties()) {
                Channel channel = MARKETING_OPT_INS.get(trait.getKey());
                if (channel != null && trait.getValue().isBoolean()) {
                    changes.put(Purpose.MARKETING, channel, trait.getValue().booleanValue(), IDENTIFY_SOURCE);
                }
            }
            for (Map.Entry<String, JsonNode> entry : traits.path("consent").properties()) {
                purpose(entry.getKey()).ifPresent(purpose -> changes.putAnswer(purpose, entry.getValue()));
            }
        }
        JsonNode preferences = message.path("context").path("consent").path("categoryPreferences");
        for (Map.Entry<String, JsonNode> category : preferences.properties()) {
            if (category.getValue().isBoolean()) {
                purpose(category.getKey())
                        .ifPresent(purpose -> changes.put(
                                purpose, Channel.ANY, category.getValue().booleanValue(), CONTEXT_SOURCE));
            }
        }
        return changes.list();
    }

    private static Optional<Purpose> purpose(String name) {
        return Purpose.parse(name);
    }

    private static String abbreviate(String messageId) {
        return messageId.length() <= 200 ? messageId : messageId.substring(0, 200);
    }

    private static @Nullable Instant occurredAt(JsonNode message) {
        for (String field : List.of("timestamp", "originalTimestamp", "receivedAt")) {
            JsonNode value = message.path(field);
            if (value.isString()) {
                try {
                    return OffsetDateTime.parse(value.stringValue()).toInstant();
                } catch (DateTimeParseException e) {
                    // try the next field
                }
            }
        }
        return null;
    }

    /** The answers found so far, one per purpose, channel and source: a later answer replaces an earlier one. */
    private static final class Changes {
        private final CustomerId customer;
        private final @Nullable Instant occurredAt;
        private final @Nullable String proof;
        private final Map<String, ConsentChange> bySlot = new LinkedHashMap<>();

        Changes(CustomerId customer, @Nullable Instant occurredAt, @Nullable String proof) {
            this.customer = customer;
            this.occurredAt = occurredAt;
            this.proof = proof;
        }

        /** An identify {@code consent} entry: a boolean for the purpose, or an object of channels. */
        void putAnswer(Purpose purpose, JsonNode answer) {
            if (answer.isBoolean()) {
                put(purpose, Channel.ANY, answer.booleanValue(), IDENTIFY_SOURCE);
                return;
            }
            for (Map.Entry<String, JsonNode> perChannel : answer.properties()) {
                Optional<Channel> channel = Channel.parse(perChannel.getKey());
                if (channel.isPresent() && perChannel.getValue().isBoolean()) {
                    put(purpose, channel.get(), perChannel.getValue().booleanValue(), IDENTIFY_SOURCE);
                }
            }
        }

        void put(Purpose purpose, Channel channel, boolean granted, String source) {
            bySlot.remove(purpose + "/" + channel + "/" + source);
            bySlot.put(
                    purpose + "/" + channel + "/" + source,
                    new ConsentChange(customer, purpose, channel, granted, source, occurredAt, proof));
        }

        List<ConsentChange> list() {
            return List.copyOf(bySlot.values());
        }
    }
}
