package io.hearth.ingestion.internal.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of one order, becoming one Segment order event. The message id is derived from the
 * format and the order id, so that importing the same file again stores nothing twice.
 */
final class ImportedOrder {

    private final List<OrderRow> rows = new ArrayList<>();

    ImportedOrder(OrderRow first) {
        rows.add(first);
    }

    void add(OrderRow row) {
        rows.add(row);
    }

    List<OrderRow> rows() {
        return List.copyOf(rows);
    }

    /** The line of the file the order event's {@code products[index]} came from. */
    long lineOfProduct(int index) {
        return index >= 0 && index < rows.size() ? rows.get(index).line() : head().line();
    }

    ObjectNode writeTo(ObjectNode message, String formatCode) {
        OrderRow head = head();
        message.put("type", "track");
        message.put("event", head.event());
        message.put("messageId", "import:" + formatCode + ":" + head.orderId());
        if (head.userId() != null) {
            message.put("userId", head.userId());
        } else {
            message.put("anonymousId", head.anonymousId());
        }
        message.put("timestamp", head.timestamp().toString());
        ObjectNode properties = message.putObject("properties");
        properties.put("order_id", head.orderId());
        total().ifPresent(total -> properties.put("total", total));
        if (head.currency() != null) {
            properties.put("currency", head.currency());
        }
        ArrayNode products = properties.putArray("products");
        for (OrderRow row : rows) {
            writeProduct(products.addObject(), row.product());
        }
        writeContext(message, head);
        return message;
    }

    private Optional<BigDecimal> total() {
        if (head().total() != null) {
            return Optional.of(head().total());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderRow row : rows) {
            Optional<BigDecimal> amount = row.product().amount();
            if (amount.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.add(amount.get());
        }
        return Optional.of(sum);
    }

    private static void writeProduct(ObjectNode line, ProductLine product) {
        putIfPresent(line, "product_id", product.productId());
        putIfPresent(line, "sku", product.sku());
        putIfPresent(line, "name", product.name());
        putIfPresent(line, "category", product.category());
        if (product.price() != null) {
            line.put("price", product.price());
        }
        line.put("quantity", product.quantity());
    }

    private static void writeContext(ObjectNode message, OrderRow head) {
        if (head.email() == null && head.country() == null) {
            return;
        }
        ObjectNode context = message.putObject("context");
        if (head.email() != null) {
            context.putObject("traits").put("email", head.email());
        }
        if (head.country() != null) {
            context.putObject("location").put("country", head.country());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private OrderRow head() {
        return rows.getFirst();
    }
}
