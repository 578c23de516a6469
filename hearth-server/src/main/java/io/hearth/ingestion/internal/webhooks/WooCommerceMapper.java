package io.hearth.ingestion.internal.webhooks;

import static io.hearth.ingestion.internal.webhooks.Payloads.array;
import static io.hearth.ingestion.internal.webhooks.Payloads.decimal;
import static io.hearth.ingestion.internal.webhooks.Payloads.email;
import static io.hearth.ingestion.internal.webhooks.Payloads.first;
import static io.hearth.ingestion.internal.webhooks.Payloads.id;
import static io.hearth.ingestion.internal.webhooks.Payloads.instant;
import static io.hearth.ingestion.internal.webhooks.Payloads.object;
import static io.hearth.ingestion.internal.webhooks.Payloads.text;
import static io.hearth.ingestion.internal.webhooks.Payloads.whole;

import io.hearth.ingestion.internal.webhooks.TrackMessage.ProductLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps WooCommerce order webhooks (REST API v3 order payloads) to Segment e-commerce track messages.
 * An update becomes a fulfilment, refund or cancellation by the order's new status.
 */
final class WooCommerceMapper {

    static final String PLATFORM = "woocommerce";

    /** The track message for a supported topic; empty for any other topic. */
    Optional<ObjectNode> map(String topic, @Nullable String deliveryId, JsonNode order) {
        String messageId = messageId(topic, deliveryId, order);
        return switch (topic) {
            case "order.created" ->
                Optional.of(message("Order Completed", messageId, order)
                        .timestamp(first(instant(order, "date_created_gmt"), instant(order, "date_modified_gmt")))
                        .build());
            case "order.updated" -> Optional.of(updated(messageId, order));
            default -> Optional.empty();
        };
    }

    private static ObjectNode updated(String messageId, JsonNode order) {
        String status = first(text(order, "status"), "");
        String event = switch (status) {
            case "completed" -> "Order Fulfilled";
            case "refunded" -> "Order Refunded";
            case "cancelled" -> "Order Cancelled";
            default -> "Order Updated";
        };
        TrackMessage message = message(event, messageId, order)
                .timestamp(first(instant(order, "date_modified_gmt"), instant(order, "date_created_gmt")));
        if (status.equals("refunded")) {
            message.money("total", refunded(order));
        }
        return message.build();
    }

    private static TrackMessage message(String event, String messageId, JsonNode order) {
        JsonNode billing = object(order, "billing");
        TrackMessage message = TrackMessage.of(PLATFORM, event, messageId)
                .customer(
                        id(order, "customer_id"),
                        email(billing, "email"),
                        text(billing, "phone"),
                        "order-" + first(text(order, "order_key"), text(order, "id")))
                .text("order_id", text(order, "id"))
                .text("status", text(order, "status"))
                .money("total", decimal(order, "total"))
                .money("subtotal", subtotal(order))
                .money("tax", decimal(order, "total_tax"))
                .money("shipping", decimal(order, "shipping_total"))
                .money("discount", decimal(order, "discount_total"))
                .text("currency", text(order, "currency"));
        for (JsonNode item : array(order, "line_items").values()) {
            ProductLine line = line(item);
            if (line.productId() != null || line.sku() != null) {
                message.product(line);
            }
        }
        return message;
    }

    private static ProductLine line(JsonNode item) {
        Long quantity = whole(item, "quantity");
        BigDecimal price = decimal(item, "price");
        BigDecimal subtotal = decimal(item, "subtotal");
        if (price == null && subtotal != null && quantity != null && quantity > 0) {
            price = subtotal.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
        }
        return new ProductLine(
                first(id(item, "product_id"), id(item, "variation_id")),
                text(item, "sku"),
                text(item, "name"),
                price,
                quantity,
                variant(item));
    }

    /** WooCommerce has no order subtotal: it is the sum of the lines before discounts. */
    private static @Nullable BigDecimal subtotal(JsonNode order) {
        JsonNode items = array(order, "line_items");
        if (items.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : items.values()) {
            BigDecimal subtotal = decimal(item, "subtotal");
            sum = sum.add(subtotal == null ? BigDecimal.ZERO : subtotal);
        }
        return sum;
    }

    /** Refunds are listed with negative totals; a refunded order without them was refunded in full. */
    private static @Nullable BigDecimal refunded(JsonNode order) {
        JsonNode refunds = array(order, "refunds");
        if (refunds.isEmpty()) {
            return decimal(order, "total");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode refund : refunds.values()) {
            BigDecimal total = decimal(refund, "total");
            sum = sum.add(total == null ? BigDecimal.ZERO : total.abs());
        }
        return sum;
    }

    /** A variation's attributes ("Blue / M") from the line's visible meta data. */
    private static @Nullable String variant(JsonNode item) {
        if (id(item, "variation_id") == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode meta : array(item, "meta_data").values()) {
            String key = text(meta, "key");
            String value = first(text(meta, "display_value"), text(meta, "value"));
            if (key != null && !key.startsWith("_") && value != null) {
                values.add(value);
            }
        }
        return values.isEmpty() ? null : String.join(" / ", values);
    }

    private static String messageId(String topic, @Nullable String deliveryId, JsonNode order) {
        if (deliveryId != null && !deliveryId.isBlank()) {
            return PLATFORM + ":" + deliveryId.trim();
        }
        return PLATFORM + ":" + topic + ":" + first(text(order, "id"), "") + ":"
                + first(text(order, "date_modified_gmt"), "");
    }
}
