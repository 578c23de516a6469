package io.hearth.profiles.internal;

import io.hearth.profiles.Identifier;
import io.hearth.profiles.OrderTotals;
import io.hearth.profiles.Shipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the profile needs from one stored event: who it names, traits it sets, and the commerce and
 * engagement facts the computed attributes are built from.
 */
record EventFacts(
        UUID eventId,
        Instant occurredAt,
        String type,
        @Nullable String event,
        Set<Identifier> identifiers,
        @Nullable String aliasOf,
        @Nullable ObjectNode traits,
        @Nullable String orderId,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        List<String> categories,
        @Nullable String channel,
        @Nullable Shipment shipment) {

    /**
     * @param fits whether a trait value fits the tenant's registered definition: ingestion checks
     *     identify calls only, so a value in an event's {@code context.traits} that breaks its
     *     definition is left out (the others are kept)
     */
    static EventFacts of(
            UUID eventId,
            Instant occurredAt,
            JsonNode payload,
            IdentityExtractor extractor,
            BiPredicate<String, JsonNode> fits) {
        String type = payload.path("type").asString("track");
        String event = payload.hasNonNull("event") ? payload.get("event").asString() : null;
        JsonNode properties = payload.path("properties");
        boolean order = event != null && OrderLifecycle.isLifecycleEvent(event);
        return new EventFacts(
                eventId,
                occurredAt,
                type,
                event,
                extractor.identifiers(payload),
                "alias".equals(type) ? text(payload.get("previousId")) : null,
                traits(payload, type, fits),
                order ? text(properties.get("order_id")) : null,
                order ? OrderTotals.of(properties) : null,
                order ? text(properties.get("currency")) : null,
                categories(properties),
                channel(type, event, properties),
                order ? shipment(properties) : null);
    }

    private static @Nullable ObjectNode traits(JsonNode payload, String type, BiPredicate<String, JsonNode> fits) {
        if ("identify".equals(type)) {
            return payload.get("traits") instanceof ObjectNode object && !object.isEmpty() ? object : null;
        }
        if (!(payload.path("context").get("traits") instanceof ObjectNode object) || object.isEmpty()) {
            return null;
        }
        List<String> misfits = object.properties().stream()
                .filter(trait -> !fits.test(trait.getKey(), trait.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (misfits.isEmpty()) {
            return object;
        }
        ObjectNode fitting = object.deepCopy();
        misfits.forEach(fitting::remove);
        return fitting.isEmpty() ? null : fitting;
    }

    private static List<String> categories(JsonNode properties) {
        Set<String> categories = new LinkedHashSet<>();
        addCategory(categories, properties.get("category"));
        for (JsonNode line : properties.path("products").values()) {
            addCategory(categories, line.get("category"));
        }
        return new ArrayList<>(categories);
    }

    private static void addCategory(Set<String> categories, @Nullable JsonNode category) {
        String name = text(category);
        if (name != null && !name.isBlank()) {
            categories.add(name.trim());
        }
    }

    /** Where the customer engaged: a message channel for message events, web or app for views. */
    private static @Nullable String channel(String type, @Nullable String event, JsonNode properties) {
        String declared = text(properties.get("channel"));
        if (declared != null) {
            return declared.toLowerCase(Locale.ROOT);
        }
        if ("page".equals(type)) {
            return "web";
        }
        if ("screen".equals(type)) {
            return "app";
        }
        if (event == null) {
            return null;
        }
        String lower = event.toLowerCase(Locale.ROOT);
        for (String channel : List.of("email", "sms", "push", "in-app")) {
            if (lower.startsWith(channel + " ")) {
                return channel;
            }
        }
        return null;
    }

    /**
     * Tracking details under the names shops send: the e-commerce spec's style ({@code carrier},
     * {@code tracking_number}, {@code tracking_url}) and Shopify's fulfilment names
     * ({@code tracking_company}); an estimated delivery as a date or a timestamp.
     */
    private static @Nullable Shipment shipment(JsonNode properties) {
        Shipment shipment = new Shipment(
                first(properties, "carrier", "shipping_carrier", "tracking_company"),
                first(properties, "tracking_number", "trackingNumber"),
                first(properties, "tracking_url", "trackingUrl"),
                day(first(properties, "estimated_delivery", "estimated_delivery_date", "estimated_delivery_at")));
        return shipment.isEmpty() ? null : shipment;
    }

    private static @Nullable String first(JsonNode properties, String... names) {
        for (String name : names) {
            String value = text(properties.get(name));
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text)
                    : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException unreadable) {
            // a date the shop wrote some other way is not worth refusing the order event for
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
