package io.hearth.recommendations.internal;

import io.hearth.ingestion.StoredEvent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns Segment e-commerce events into signals: a purchase line counts its quantity, an add to cart
 * half, a view or click a quarter. The device comes from {@code context.app}, {@code context.device.type}
 * or the user agent; the part of the day from the event's time in {@code context.timezone} (else UTC).
 */
final class EventSignals {

    static final Map<String, Float> WEIGHTS =
            Map.of("Order Completed", 1f, "Product Added", 0.5f, "Product Viewed", 0.25f, "Product Clicked", 0.25f);

    private EventSignals() {}

    static List<Signal> of(StoredEvent event) {
        Float weight = event.event() == null ? null : WEIGHTS.get(event.event());
        String identity = identity(event);
        if (weight == null || identity == null) {
            return List.of();
        }
        JsonNode payload = event.payloadTree();
        JsonNode properties = payload.path("properties");
        Device device = device(payload.path("context"));
        DayPart dayPart = dayPart(event, payload.path("context"));
        long at = event.timestamp().getEpochSecond();
        List<Signal> signals = new ArrayList<>();
        if (!"Order Completed".equals(event.event())) {
            String product = productId(properties);
            if (product != null) {
                signals.add(new Signal(identity, product, weight, at, false, device, dayPart));
            }
            return signals;
        }
        for (JsonNode line : properties.path("products").values()) {
            String product = productId(line);
            if (product != null) {
                float quantity = Math.max(1, line.path("quantity").asInt(1));
                signals.add(new Signal(identity, product, quantity, at, true, device, dayPart));
            }
        }
        return signals;
    }

    static @Nullable String identity(StoredEvent event) {
        if (event.userId() != null) {
            return "u:" + event.userId();
        }
        return event.anonymousId() == null ? null : "a:" + event.anonymousId();
    }

    static @Nullable String productId(JsonNode product) {
        String id = text(product.get("product_id"));
        return id != null ? id : text(product.get("sku"));
    }

    static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber())) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    private static Device device(JsonNode context) {
        if (context.has("app")) {
            return Device.APP;
        }
        String type = context.path("device").path("type").asString("").toLowerCase(Locale.ROOT);
        if (type.contains("ios") || type.contains("android")) {
            return Device.APP;
        }
        if (type.contains("mobile") || type.contains("phone") || type.contains("tablet")) {
            return Device.MOBILE;
        }
        String agent = context.path("userAgent").asString("");
        return agent.contains("Mobi") ? Device.MOBILE : Device.DESKTOP;
    }

    private static DayPart dayPart(StoredEvent event, JsonNode context) {
        ZoneId zone = ZoneOffset.UTC;
        String named = context.path("timezone").asString("");
        if (!named.isEmpty()) {
            try {
                zone = ZoneId.of(named);
            } catch (DateTimeException e) {
                // an unknown zone name: UTC is the best remaining guess
            }
        }
        return DayPart.ofHour(event.timestamp().atZone(zone).getHour());
    }
}
