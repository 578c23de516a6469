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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps Shopify webhook payloads (orders, refunds, checkouts) to Segment e-commerce track messages.
 * The message id is the webhook id, which Shopify keeps across retries of one delivery.
 */
final class ShopifyMapper {

    static final String PLATFORM = "shopify";

    /** The track message for a supported topic; empty for any other topic. */
    Optional<ObjectNode> map(String topic, @Nullable String webhookId, JsonNode payload) {
        String messageId = messageId(topic, webhookId, payload);
        return switch (topic) {
            case "orders/create" ->
                Optional.of(order("Order Completed", messageId, payload)
                        .timestamp(first(instant(payload, "processed_at"), instant(payload, "created_at")))
                        .build());
            case "orders/fulfilled" ->
                Optional.of(tracking(order("Order Fulfilled", messageId, payload), payload)
                        .timestamp(first(instant(payload, "updated_at"), instant(payload, "created_at")))
                        .build());
            case "refunds/create" -> Optional.of(refund(messageId, payload));
            case "checkouts/create" ->
                Optional.of(checkout("Checkout Started", messageId, payload)
                        .timestamp(instant(payload, "created_at"))
                        .build());
            case "checkouts/update" ->
                Optional.of(checkout("Checkout Updated", messageId, payload)
                        .timestamp(first(instant(payload, "updated_at"), instant(payload, "created_at")))
                        .build());
            default -> Optional.empty();
        };
    }

    private static TrackMessage order(String event, String messageId, JsonNode order) {
        JsonNode customer = object(order, "customer");
        String checkoutToken = text(order, "checkout_token");
        TrackMessage message = TrackMessage.of(PLATFORM, event, messageId)
                .customer(
                        id(customer, "id"),
                        first(email(order, "email"), email(customer, "email")),
                        first(text(order, "phone"), text(customer, "phone"), billingPhone(order)),
                        first(checkoutToken, "order-" + text(order, "id")))
                .text("order_id", text(order, "id"))
                .text("checkout_id", checkoutToken);
        return amountsAndLines(message, order);
    }

    /** The newest fulfilment's carrier and tracking, under the e-commerce spec's property names. */
    private static TrackMessage tracking(TrackMessage message, JsonNode order) {
        JsonNode fulfillments = array(order, "fulfillments");
        if (fulfillments.isEmpty()) {
            return message;
        }
        JsonNode newest = fulfillments.get(fulfillments.size() - 1);
        return message.text("carrier", text(newest, "tracking_company"))
                .text("tracking_number", text(newest, "tracking_number"))
                .text("tracking_url", text(newest, "tracking_url"));
    }

    private static TrackMessage checkout(String event, String messageId, JsonNode checkout) {
        JsonNode customer = object(checkout, "customer");
        String token = text(checkout, "token");
        TrackMessage message = TrackMessage.of(PLATFORM, event, messageId)
                .customer(
                        id(customer, "id"),
                        first(email(checkout, "email"), email(customer, "email")),
                        first(text(checkout, "phone"), text(customer, "phone"), billingPhone(checkout)),
                        first(token, "checkout-" + text(checkout, "id")))
                .text("checkout_id", token)
                .text("abandoned_checkout_url", text(checkout, "abandoned_checkout_url"));
        return amountsAndLines(message, checkout);
    }

    /** Orders and checkouts share Shopify's money fields and line items. */
    private static TrackMessage amountsAndLines(TrackMessage message, JsonNode payload) {
        message.money("total", decimal(payload, "total_price"))
                .money("subtotal", decimal(payload, "subtotal_price"))
                .money("tax", decimal(payload, "total_tax"))
                .money("shipping", shipping(payload))
                .money("discount", decimal(payload, "total_discounts"))
                .text("currency", first(text(payload, "currency"), text(payload, "presentment_currency")));
        for (JsonNode item : array(payload, "line_items").values()) {
            ProductLine line = line(item, whole(item, "quantity"));
            if (line.productId() != null || line.sku() != null) {
                message.product(line);
            }
        }
        return message;
    }

    private static ObjectNode refund(String messageId, JsonNode refund) {
        String orderId = text(refund, "order_id");
        TrackMessage message = TrackMessage.of(PLATFORM, "Order Refunded", messageId)
                .timestamp(first(instant(refund, "processed_at"), instant(refund, "created_at")))
                .customer(null, null, null, "order-" + orderId)
                .text("order_id", orderId)
                .text("refund_id", text(refund, "id"));
        BigDecimal lineSubtotals = BigDecimal.ZERO;
        BigDecimal lineTaxes = BigDecimal.ZERO;
        String lineCurrency = null;
        for (JsonNode refundLine : array(refund, "refund_line_items").values()) {
            lineSubtotals = lineSubtotals.add(zeroIfNull(decimal(refundLine, "subtotal")));
            lineTaxes = lineTaxes.add(zeroIfNull(decimal(refundLine, "total_tax")));
            lineCurrency = first(lineCurrency, shopMoneyCurrency(refundLine, "subtotal_set"));
            ProductLine line = line(object(refundLine, "line_item"), whole(refundLine, "quantity"));
            if (line.productId() != null || line.sku() != null) {
                message.product(line);
            }
        }
        RefundTransactions transactions = RefundTransactions.of(array(refund, "transactions"));
        return message.money("total", transactions.any() ? transactions.total() : lineSubtotals)
                .money("tax", lineTaxes)
                .text("currency", first(transactions.currency(), lineCurrency))
                .build();
    }

    private static ProductLine line(@Nullable JsonNode item, @Nullable Long quantity) {
        return new ProductLine(
                first(id(item, "product_id"), id(item, "variant_id")),
                text(item, "sku"),
                first(text(item, "title"), text(item, "name")),
                decimal(item, "price"),
                quantity,
                text(item, "variant_title"));
    }

    /** Shopify's order total of shipping, or the sum of its shipping lines on older payloads. */
    private static @Nullable BigDecimal shipping(JsonNode payload) {
        JsonNode shopMoney = object(object(payload, "total_shipping_price_set"), "shop_money");
        BigDecimal total = decimal(shopMoney, "amount");
        if (total != null) {
            return total;
        }
        JsonNode lines = array(payload, "shipping_lines");
        if (lines.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines.values()) {
            sum = sum.add(zeroIfNull(decimal(line, "price")));
        }
        return sum;
    }

    private static @Nullable String billingPhone(JsonNode payload) {
        return text(object(payload, "billing_address"), "phone");
    }

    private static @Nullable String shopMoneyCurrency(JsonNode node, String field) {
        return text(object(object(node, field), "shop_money"), "currency_code");
    }

    private static String messageId(String topic, @Nullable String webhookId, JsonNode payload) {
        if (webhookId != null && !webhookId.isBlank()) {
            return PLATFORM + ":" + webhookId.trim();
        }
        String version =
                first(text(payload, "updated_at"), text(payload, "processed_at"), text(payload, "created_at"), "");
        return PLATFORM + ":" + topic + ":" + first(text(payload, "id"), text(payload, "token"), "") + ":" + version;
    }

    private static BigDecimal zeroIfNull(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The money a refund paid back: its successful transactions of kind refund. */
    private record RefundTransactions(
            boolean any, BigDecimal total, @Nullable String currency) {

        static RefundTransactions of(JsonNode transactions) {
            boolean any = false;
            BigDecimal total = BigDecimal.ZERO;
            String currency = null;
            for (JsonNode transaction : transactions.values()) {
                String status = text(transaction, "status");
                boolean failed = "failure".equals(status) || "error".equals(status);
                BigDecimal amount = decimal(transaction, "amount");
                if (!"refund".equals(text(transaction, "kind")) || failed || amount == null) {
                    continue;
                }
                any = true;
                total = total.add(amount);
                currency = first(currency, text(transaction, "currency"));
            }
            return new RefundTransactions(any, total, currency);
        }
    }
}
