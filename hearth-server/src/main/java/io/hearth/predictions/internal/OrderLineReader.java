package io.hearth.predictions.internal;

import io.hearth.ingestion.EventRef;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.StoredEvent;
import io.hearth.profiles.TimelineEntry;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each order held. The profiles facade knows an order's categories (on its placing event) but
 * not its products, so the product ids are read from the placing events' lines in the event log,
 * a thousand events a query.
 */
@Component
class OrderLineReader {

    static final String ORDER_COMPLETED = "Order Completed";
    private static final int EVENTS_PER_QUERY = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IngestionManagement ingestion;

    OrderLineReader(IngestionManagement ingestion) {
        this.ingestion = ingestion;
    }

    /** Order id → its items, from the orders' placing events; product ids only when asked (a query more). */
    Map<String, OrderItems> items(TenantId tenant, List<TimelineEntry> placings, boolean withProducts) {
        Map<UUID, TimelineEntry> byEvent = new HashMap<>();
        placings.stream()
                .filter(entry -> entry.orderId() != null)
                .forEach(entry -> byEvent.put(entry.eventId(), entry));
        List<EventRef> references = !withProducts
                ? List.<EventRef>of()
                : byEvent.values().stream()
                        .map(entry -> new EventRef(entry.eventId(), entry.timestamp()))
                        .toList();
        Map<String, Set<String>> products = new HashMap<>();
        for (int from = 0; from < references.size(); from += EVENTS_PER_QUERY) {
            List<EventRef> chunk = references.subList(from, Math.min(references.size(), from + EVENTS_PER_QUERY));
            for (StoredEvent event : ingestion.events(tenant, chunk)) {
                TimelineEntry entry = byEvent.get(event.eventId());
                if (entry != null) {
                    products.computeIfAbsent(entry.orderId(), id -> new LinkedHashSet<>())
                            .addAll(productIds(event.payload()));
                }
            }
        }
        Map<String, OrderItems> items = new HashMap<>();
        for (TimelineEntry entry : byEvent.values()) {
            Set<String> categories = new LinkedHashSet<>(entry.categories());
            items.merge(
                    entry.orderId(),
                    new OrderItems(
                            List.copyOf(products.getOrDefault(entry.orderId(), Set.of())), List.copyOf(categories)),
                    OrderLineReader::union);
        }
        return items;
    }

    static List<String> productIds(String payload) {
        List<String> ids = new ArrayList<>();
        for (JsonNode line :
                JSON.readTree(payload).path("properties").path("products").values()) {
            String id = text(line.get("product_id"));
            if (id == null) {
                id = text(line.get("sku"));
            }
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static OrderItems union(OrderItems a, OrderItems b) {
        Set<String> products = new LinkedHashSet<>(a.products());
        products.addAll(b.products());
        Set<String> categories = new LinkedHashSet<>(a.categories());
        categories.addAll(b.categories());
        return new OrderItems(List.copyOf(products), List.copyOf(categories));
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber())) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }
}
