package io.hearth.ingestion.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderFormatTest {

    private static final List<String> RETAIL_COLUMNS = List.of(
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    @Test
    void aCancelledInvoiceIsARefundWithPositiveQuantities() {
        OrderRow row = new OnlineRetailRows()
                .read(retail("C536379", "D", "Discount", "-3", "2010-12-01 09:41:00", "27.50", "14527.0", "UK"));

        assertThat(row.event()).isEqualTo(OrderRow.ORDER_REFUNDED);
        assertThat(row.userId()).isEqualTo("14527");
        assertThat(row.product().quantity()).isEqualTo(3);
        assertThat(row.timestamp()).isEqualTo(Instant.parse("2010-12-01T09:41:00Z"));
    }

    @Test
    void anInvoiceWithoutCustomerBelongsToAGuestOfThatInvoice() {
        OrderRow row = new OnlineRetailRows()
                .read(retail("536366", "22633", "HAND WARMER", "6", "2010-12-01 08:28:00", "1.85", "", "UK"));

        assertThat(row.userId()).isNull();
        assertThat(row.anonymousId()).isEqualTo("guest-invoice:536366");
    }

    @Test
    void rejectionsNameTheColumnAtFault() {
        OnlineRetailRows format = new OnlineRetailRows();

        assertThatThrownBy(() -> format.read(retail("", "1", "", "1", "2010-12-01 08:28:00", "1", "", "")))
                .isInstanceOfSatisfying(
                        RowRejected.class, e -> assertThat(e.column()).isEqualTo("InvoiceNo"));
        assertThatThrownBy(() -> format.read(retail("1", "1", "", "1.5", "2010-12-01 08:28:00", "1", "", "")))
                .isInstanceOfSatisfying(
                        RowRejected.class, e -> assertThat(e.column()).isEqualTo("Quantity"));
        assertThatThrownBy(() -> format.read(retail("1", "1", "", "1", "01/12/2010 08:28", "1", "", "")))
                .isInstanceOfSatisfying(
                        RowRejected.class, e -> assertThat(e.column()).isEqualTo("InvoiceDate"));
        assertThatThrownBy(() -> format.read(retail("1", "1", "", "1", "2010-12-01 08:28:00", "1", "A17", "")))
                .isInstanceOfSatisfying(
                        RowRejected.class, e -> assertThat(e.column()).isEqualTo("CustomerID"));
        assertThatThrownBy(() -> format.read(row(RETAIL_COLUMNS, List.of("1", "2"))))
                .isInstanceOfSatisfying(
                        RowRejected.class, e -> assertThat(e.reason()).isEqualTo("has 2 values, expected 8"));
    }

    @Test
    void aCdnowRowIsOneOrderOfCompactDiscsAtTheirAveragePrice() {
        OrderRow row = new CdnowRows().read(cdnowRow(12, "00007", "19970301", "3", "40.00"));

        assertThat(row.orderId()).isEqualTo("cdnow:00007:19970301:12");
        assertThat(row.total()).isEqualByComparingTo("40.00");
        assertThat(row.product().sku()).isEqualTo("CD");
        assertThat(row.product().price()).isEqualByComparingTo("13.3333");
        assertThat(row.timestamp()).isEqualTo(Instant.parse("1997-03-01T00:00:00Z"));
    }

    @Test
    void genericTimestampsMayCarryAnOffsetOrBeTakenAsUtc() {
        List<String> columns = List.of("order_id", "timestamp", "sku");
        GenericRows format = new GenericRows();

        assertThat(format.read(row(columns, List.of("1", "2026-01-05T10:00:00+01:00", "s")))
                        .timestamp())
                .isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(format.read(row(columns, List.of("1", "2026-01-05T10:00:00", "s")))
                        .timestamp())
                .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(format.read(row(columns, List.of("1", "2026-01-05 10:00", "s")))
                        .timestamp())
                .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static SourceRow cdnowRow(long line, String... values) {
        SourceRow row = row(CdnowRows.COLUMNS, List.of(values));
        return new SourceRow(line, row.columns(), row.values());
    }

    private static SourceRow retail(String... values) {
        return row(RETAIL_COLUMNS, List.of(values));
    }

    private static SourceRow row(List<String> columns, List<String> values) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            indexes.put(columns.get(i), i);
        }
        return new SourceRow(2, Map.copyOf(indexes), values);
    }
}
