package io.hearth.catalog.internal;

import io.hearth.catalog.ProductUpdate;
import io.hearth.ingestion.StoredEvent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The product fields of Segment e-commerce events: a product event is about one product (its
 * properties), an order or checkout event lists them in {@code products}. Stock and replenishment are
 * never taken from events; those belong to the product API.
 */
final class EventProducts {

    private static final Set<String> PRODUCT_EVENTS =
            Set.of("Product Viewed", "Product Added", "Product Removed", "Product Clicked", "Product Reviewed");

    private EventProducts() {}

    /** One update per product mentioned, the latest mention winning. */
    static Collection<ProductUpdate> from(Collection<StoredEvent> events) {
        Map<String, ProductUpdate> updates = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            if (!"track".equals(event.type()) || event.event() == null) {
                continue;
            }
            JsonNode properties = event.payloadTree().path("properties");
            String currency = text(properties.get("currency"));
            if (PRODUCT_EVENTS.contains(event.event())) {
                add(updates, properties, currency);
                continue;
            }
            for (JsonNode line : properties.path("products").values()) {
                add(updates, line, currency);
            }
        }
        return updates.values();
    }

    private static void add(Map<String, ProductUpdate> updates, JsonNode product, @Nullable String currency) {
        String id = text(product.get("product_id"));
        if (id == null) {
            id = text(product.get("sku"));
        }
        if (id == null) {
            return;
        }
        JsonNode price = product.get("price");
        BigDecimal amount = price != null && price.isNumber() ? price.decimalValue() : null;
        updates.put(
                id,
                new ProductUpdate(
                        id,
                        text(product.get("name")),
                        text(product.get("category")),
                        text(product.get("brand")),
                        amount,
                        amount == null ? null : currency,
                        null,
                        null,
                        text(product.get("url")),
                        text(product.get("image_url")),
                        null));
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber())) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }
}
