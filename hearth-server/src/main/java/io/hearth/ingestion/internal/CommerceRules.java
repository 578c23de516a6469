package io.hearth.ingestion.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates and normalizes the properties of the Segment e-commerce spec events: money becomes a
 * decimal number with an ISO 4217 currency, ids become strings, products are checked line by line.
 */
final class CommerceRules {

    static final Set<String> ORDER_EVENTS = Set.of(
            "Order Completed",
            "Order Updated",
            "Order Refunded",
            "Order Cancelled",
            "Order Fulfilled",
            "Checkout Started",
            "Checkout Updated");
    static final Set<String> PRODUCT_EVENTS =
            Set.of("Product Viewed", "Product Added", "Product Removed", "Product Clicked", "Product Reviewed");
    private static final Set<String> ORDER_ID_REQUIRED =
            Set.of("Order Completed", "Order Updated", "Order Refunded", "Order Cancelled", "Order Fulfilled");
    private static final Set<String> MONEY_FIELDS =
            Set.of("total", "revenue", "subtotal", "shipping", "tax", "discount", "value");

    private CommerceRules() {}

    static boolean applies(String event) {
        return ORDER_EVENTS.contains(event) || PRODUCT_EVENTS.contains(event);
    }

    static void normalize(String event, ObjectNode properties, String defaultCurrency, Violations violations) {
        String at = "/properties";
        normalizeCurrency(properties, defaultCurrency, at, violations);
        if (PRODUCT_EVENTS.contains(event)) {
            normalizeProduct(properties, at, violations);
            return;
        }
        if (ORDER_ID_REQUIRED.contains(event)) {
            requireId(properties, "order_id", at, violations);
        }
        for (String field : MONEY_FIELDS) {
            normalizeMoney(properties, field, at, violations);
        }
        normalizeProducts(properties, at, violations);
    }

    private static void normalizeProducts(ObjectNode properties, String at, Violations violations) {
        JsonNode products = properties.get("products");
        if (products == null || products.isNull()) {
            return;
        }
        if (!products.isArray()) {
            violations.add("invalid-products", at + "/products", "must be an array of products");
            return;
        }
        ArrayNode lines = (ArrayNode) products;
        for (int i = 0; i < lines.size(); i++) {
            String lineAt = at + "/products/" + i;
            if (!(lines.get(i) instanceof ObjectNode line)) {
                violations.add("invalid-products", lineAt, "must be an object");
                continue;
            }
            normalizeProduct(line, lineAt, violations);
        }
    }

    private static void normalizeProduct(ObjectNode product, String at, Violations violations) {
        boolean hasProductId = normalizeId(product, "product_id", at, violations);
        boolean hasSku = normalizeId(product, "sku", at, violations);
        if (!hasProductId && !hasSku) {
            violations.add("missing-product-id", at + "/product_id", "product_id or sku is required");
        }
        normalizeMoney(product, "price", at, violations);
        JsonNode quantity = product.get("quantity");
        if (quantity != null && !quantity.isNull() && !(quantity.isNumber() && quantity.canConvertToExactIntegral())) {
            violations.add("invalid-quantity", at + "/quantity", "must be a whole number");
        }
    }

    private static void requireId(ObjectNode node, String field, String at, Violations violations) {
        if (!normalizeId(node, field, at, violations)) {
            violations.add("missing-" + field.replace('_', '-'), at + "/" + field, field + " is required");
        }
    }

    /** Ids may arrive as numbers (platform ids often do); they are kept as strings. */
    private static boolean normalizeId(ObjectNode node, String field, String at, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isNumber() && value.canConvertToExactIntegral()) {
            node.put(field, value.bigIntegerValue().toString());
            return true;
        }
        if (value.isString() && !value.stringValue().isBlank()) {
            return true;
        }
        violations.add("invalid-" + field.replace('_', '-'), at + "/" + field, "must be a non-empty string");
        return true;
    }

    private static void normalizeMoney(ObjectNode node, String field, String at, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        BigDecimal amount = value.isNumber() ? value.decimalValue() : parseDecimal(value);
        if (amount == null) {
            violations.add("invalid-money", at + "/" + field, "must be a decimal amount such as 19.99");
            return;
        }
        node.put(field, amount);
    }

    private static BigDecimal parseDecimal(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return new BigDecimal(value.stringValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void normalizeCurrency(
            ObjectNode properties, String defaultCurrency, String at, Violations violations) {
        JsonNode currency = properties.get("currency");
        if (currency == null || currency.isNull()) {
            properties.put("currency", defaultCurrency);
            return;
        }
        String code = currency.isString() ? currency.stringValue().trim().toUpperCase(Locale.ROOT) : "";
        if (!isIsoCurrency(code)) {
            violations.add("invalid-currency", at + "/currency", "must be an ISO 4217 code such as EUR");
            return;
        }
        properties.put("currency", code);
    }

    private static boolean isIsoCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
