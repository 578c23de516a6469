package io.hearth.ingestion.internal.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hearth's own order CSV: {@code order_id,customer_id,email,timestamp,product_id,sku,name,category,
 * price,quantity,currency,total,status}, one row per order line. Only {@code order_id},
 * {@code timestamp} and one of {@code product_id}/{@code sku} are required; the order's fields come
 * from its first row; {@code status} is {@code completed} (or empty), {@code refunded} or
 * {@code cancelled}.
 */
final class GenericRows implements OrderFormat {

    static final String ORDER_ID = "order_id";
    private static final String CUSTOMER = "customer_id";
    private static final String EMAIL = "email";
    private static final String TIMESTAMP = "timestamp";
    private static final String PRODUCT_ID = "product_id";
    private static final String SKU = "sku";
    private static final String NAME = "name";
    private static final String CATEGORY = "category";
    private static final String PRICE = "price";
    private static final String QUANTITY = "quantity";
    private static final String CURRENCY = "currency";
    private static final String TOTAL = "total";
    private static final String STATUS = "status";

    @Override
    public OrderRow read(SourceRow row) {
        String orderId = Fields.required(row, ORDER_ID);
        String productId = Fields.optional(row, PRODUCT_ID).orElse(null);
        String sku = Fields.optional(row, SKU).orElse(null);
        if (productId == null && sku == null) {
            throw new RowRejected(PRODUCT_ID, "is empty, and so is sku");
        }
        ProductLine product = new ProductLine(
                productId,
                sku,
                Fields.optional(row, NAME).orElse(null),
                Fields.optional(row, CATEGORY).orElse(null),
                Fields.optionalDecimal(row, PRICE).orElse(null),
                Fields.optional(row, QUANTITY).isPresent() ? Fields.wholeNumber(row, QUANTITY) : 1);
        String customer = Fields.optional(row, CUSTOMER).orElse(null);
        return new OrderRow(
                row.line(),
                orderId,
                event(row),
                customer,
                customer == null ? "guest-order:" + orderId : null,
                Fields.dateTime(row, TIMESTAMP),
                Fields.optional(row, CURRENCY).orElse(null),
                Fields.optionalDecimal(row, TOTAL).orElse(null),
                Fields.optional(row, EMAIL).orElse(null),
                null,
                product);
    }

    private static String event(SourceRow row) {
        String status = row.get(STATUS).toLowerCase(Locale.ROOT);
        return switch (status) {
            case "", "completed" -> OrderRow.ORDER_COMPLETED;
            case "refunded" -> OrderRow.ORDER_REFUNDED;
            case "cancelled", "canceled" -> OrderRow.ORDER_CANCELLED;
            default -> throw new RowRejected(STATUS, "must be completed, refunded or cancelled: " + status);
        };
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(ORDER_ID, TIMESTAMP);
    }

    @Override
    public Map<String, String> columnsByField() {
        return Map.of(
                "order_id", ORDER_ID,
                "userId", CUSTOMER,
                "timestamp", TIMESTAMP,
                "product_id", PRODUCT_ID,
                "sku", SKU,
                "price", PRICE,
                "quantity", QUANTITY,
                "currency", CURRENCY,
                "total", TOTAL);
    }
}
