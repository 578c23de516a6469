package io.hearth.ingestion.internal.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CDNOW log: {@code customer_id date cds dollars}, each row one order of {@code cds} CDs costing
 * {@code dollars} in all, at midnight UTC of its date. The log has no order ids, so the order id is
 * {@code cdnow:<customer>:<date>:<line>}.
 */
final class CdnowRows implements OrderFormat {

    static final List<String> COLUMNS = List.of("customer_id", "date", "cds", "dollars");
    private static final int PRICE_SCALE = 4;

    @Override
    public OrderRow read(SourceRow row) {
        row.requireAllColumns();
        String customer = Fields.required(row, "customer_id");
        String date = Fields.required(row, "date");
        long cds = Fields.wholeNumber(row, "cds");
        BigDecimal dollars = Fields.decimal(row, "dollars");
        BigDecimal price = cds == 0 ? null : dollars.divide(BigDecimal.valueOf(cds), PRICE_SCALE, RoundingMode.HALF_UP);
        return new OrderRow(
                row.line(),
                "cdnow:" + customer + ":" + date + ":" + row.line(),
                OrderRow.ORDER_COMPLETED,
                customer,
                null,
                Fields.basicDate(row, "date"),
                null,
                dollars,
                null,
                null,
                new ProductLine(null, "CD", null, null, price, cds));
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.copyOf(COLUMNS);
    }

    @Override
    public Map<String, String> columnsByField() {
        return Map.of(
                "userId", "customer_id",
                "timestamp", "date",
                "quantity", "cds",
                "price", "dollars",
                "total", "dollars");
    }
}
