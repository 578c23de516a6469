package io.hearth.ingestion.internal.imports;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * UCI Online Retail: one row per invoice line. An invoice is an order; a {@code C}-prefixed one is a
 * cancellation, imported as a refund with positive quantities (which invoice it refunds is unknown).
 * {@code CustomerID} {@code 17850.0} becomes user {@code 17850}; an invoice without one belongs to the
 * anonymous {@code guest-invoice:<InvoiceNo>}.
 */
final class OnlineRetailRows implements OrderFormat {

    private static final String INVOICE = "InvoiceNo";
    private static final String STOCK_CODE = "StockCode";
    private static final String DESCRIPTION = "Description";
    private static final String QUANTITY = "Quantity";
    private static final String INVOICE_DATE = "InvoiceDate";
    private static final String UNIT_PRICE = "UnitPrice";
    private static final String CUSTOMER = "CustomerID";
    private static final String COUNTRY = "Country";

    @Override
    public OrderRow read(SourceRow row) {
        row.requireAllColumns();
        String invoice = Fields.required(row, INVOICE);
        boolean cancellation = invoice.startsWith("C");
        long quantity = Fields.wholeNumber(row, QUANTITY);
        ProductLine product = new ProductLine(
                Fields.required(row, STOCK_CODE),
                Fields.required(row, STOCK_CODE),
                Fields.optional(row, DESCRIPTION).orElse(null),
                null,
                Fields.decimal(row, UNIT_PRICE),
                cancellation ? Math.abs(quantity) : quantity);
        String customer =
                Fields.optional(row, CUSTOMER).map(id -> customerId(row)).orElse(null);
        return new OrderRow(
                row.line(),
                invoice,
                cancellation ? OrderRow.ORDER_REFUNDED : OrderRow.ORDER_COMPLETED,
                customer,
                customer == null ? "guest-invoice:" + invoice : null,
                Fields.dateTime(row, INVOICE_DATE),
                null,
                null,
                null,
                Fields.optional(row, COUNTRY).orElse(null),
                product);
    }

    /** The data set writes customer numbers as decimals ({@code 17850.0}). */
    private static String customerId(SourceRow row) {
        BigDecimal number = Fields.decimal(row, CUSTOMER);
        try {
            return number.toBigIntegerExact().toString();
        } catch (ArithmeticException e) {
            throw new RowRejected(CUSTOMER, "is not a customer number: " + row.get(CUSTOMER));
        }
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(INVOICE, STOCK_CODE, DESCRIPTION, QUANTITY, INVOICE_DATE, UNIT_PRICE, CUSTOMER, COUNTRY);
    }

    @Override
    public Map<String, String> columnsByField() {
        return Map.of(
                "order_id", INVOICE,
                "product_id", STOCK_CODE,
                "sku", STOCK_CODE,
                "name", DESCRIPTION,
                "quantity", QUANTITY,
                "timestamp", INVOICE_DATE,
                "price", UNIT_PRICE,
                "userId", CUSTOMER);
    }
}
