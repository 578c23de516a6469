package io.hearth.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.ingestion.ImportReport.RejectedRow;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.HearthTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HearthTest
class OrderImportTest {

    private static final String GENERIC_HEADER =
            "order_id,customer_id,email,timestamp,product_id,sku,name,category,price,quantity,currency,total,status\n";

    @Autowired
    IngestionManagement ingestion;

    @Autowired
    TenantManagement tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @TempDir
    Path files;

    TenantId shop;
    UUID source;

    @BeforeEach
    void newShop() {
        shop = tenants.createTenant(null, "import-" + UUID.randomUUID(), "EUR");
        source = tenants.createSource(shop, "import", SourceKind.IMPORT, null, null)
                .id();
    }

    @Test
    void onlineRetailInvoicesBecomeOrdersAndCancellationsRefundsEvenWhenTheirRowsInterleave() throws IOException {
        Path file = gzipped("retail.csv.gz", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
                536366,22633,"HAND WARMER, UNION JACK",6,2010-12-01 08:28:00,1.85,,France
                C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom
                536365,22752,SET 7 BABUSHKA NESTING BOXES,2,2010-12-01 08:26:00,7.65,17850.0,United Kingdom
                """);

        ImportReport report = importFile(file, ImportFormat.ONLINE_RETAIL, 500, ImportListener.NONE);

        assertThat(report.rowsRead()).isEqualTo(5);
        assertThat(report.ordersStored()).isEqualTo(2);
        assertThat(report.refundsStored()).isEqualTo(1);
        assertThat(report.rowsRejected()).isZero();
        assertThat(report.rejects()).isEmpty();
        JsonNode order = payload("import:online-retail:536365");
        assertThat(order.get("event").asString()).isEqualTo("Order Completed");
        assertThat(order.get("userId").asString()).isEqualTo("17850");
        assertThat(order.get("timestamp").asString()).isEqualTo("2010-12-01T08:26:00Z");
        assertThat(order.at("/properties/currency").asString()).isEqualTo("GBP");
        assertThat(order.at("/properties/total").decimalValue()).isEqualByComparingTo("50.94");
        assertThat(order.at("/properties/products")).hasSize(3);
        assertThat(order.at("/properties/products/1/sku").asString()).isEqualTo("71053");
        assertThat(order.at("/context/location/country").asString()).isEqualTo("United Kingdom");
        JsonNode guest = payload("import:online-retail:536366");
        assertThat(guest.get("anonymousId").asString()).isEqualTo("guest-invoice:536366");
        assertThat(guest.at("/properties/products/0/name").asString()).isEqualTo("HAND WARMER, UNION JACK");
        JsonNode refund = payload("import:online-retail:C536379");
        assertThat(refund.get("event").asString()).isEqualTo("Order Refunded");
        assertThat(refund.at("/properties/products/0/quantity").asLong()).isEqualTo(1);
        assertThat(refund.at("/properties/refund_of").isMissingNode()).isTrue();
    }

    @Test
    void unreadableRowsAreLeftOutOfTheirOrdersAndListedByLineAndColumn() throws IOException {
        Path file = plain("orders.csv", GENERIC_HEADER + """
                o-1,c-1,ann@example.com,2026-01-05T10:00:00Z,p-1,,Mug,kitchen,12.50,2,EUR,,
                o-1,c-1,ann@example.com,2026-01-05T10:00:00Z,p-2,,Plate,kitchen,twelve,1,EUR,,
                o-2,,,2026-01-06 11:00:00,p-1,,Mug,kitchen,12.50,1,,,completed
                ,c-3,,2026-01-07T09:00:00Z,p-3,,Bowl,kitchen,8.00,1,,,
                o-4,c-4,,yesterday,p-3,,Bowl,kitchen,8.00,1,,,
                o-5,c-5,,2026-01-08T09:00:00Z,p-3,,Bowl,kitchen,8.00,1,,,shipped
                o-6,c-6,,2026-01-09T09:00:00Z,p-1,,Mug,kitchen,12.50,1,EURO,,
                o-6,c-6,,2026-01-09T09:00:00Z,p-2,,Plate,kitchen,9.00,1,EURO,,
                o-7,c-7,,2026-01-10T09:00:00Z,p-1,,Mug,kitchen,12.50,1,,12.50,refunded
                """);

        ImportReport report = importFile(file, ImportFormat.GENERIC, 500, ImportListener.NONE);

        assertThat(report.rowsRead()).isEqualTo(9);
        assertThat(report.ordersStored()).isEqualTo(2);
        assertThat(report.refundsStored()).isEqualTo(1);
        assertThat(report.firstRejections())
                .extracting(RejectedRow::line, RejectedRow::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "price"),
                        org.assertj.core.groups.Tuple.tuple(5L, "order_id"),
                        org.assertj.core.groups.Tuple.tuple(6L, "timestamp"),
                        org.assertj.core.groups.Tuple.tuple(7L, "status"),
                        org.assertj.core.groups.Tuple.tuple(8L, "currency"),
                        org.assertj.core.groups.Tuple.tuple(9L, "currency"));
        assertThat(report.firstRejections().get(0).reason()).isEqualTo("is not a number: twelve");
        assertThat(report.rowsRejected()).isEqualTo(6);
        JsonNode mugOnly = payload("import:generic:o-1");
        assertThat(mugOnly.at("/properties/products")).hasSize(1);
        assertThat(mugOnly.at("/properties/total").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(mugOnly.at("/context/traits/email").asString()).isEqualTo("ann@example.com");
        assertThat(payload("import:generic:o-2").get("anonymousId").asString()).isEqualTo("guest-order:o-2");
        assertThat(payload("import:generic:o-2").at("/properties/currency").asString())
                .isEqualTo("EUR");
        Path rejects = report.rejects().orElseThrow();
        assertThat(rejects.getFileName().toString()).isEqualTo("orders.csv.rejects.csv");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(7).first().isEqualTo("line,column,reason");
        assertThat(lines.get(1)).isEqualTo("3,price,is not a number: twelve");
    }

    @Test
    void anInterruptedImportResumesAfterItsLastStoredBatchWithoutDuplicates() throws IOException {
        StringBuilder rows = new StringBuilder(GENERIC_HEADER);
        for (int order = 1; order <= 7; order++) {
            for (int line = 1; line <= 3; line++) {
                rows.append(
                        "o-%d,c-%d,,2026-02-0%dT10:00:00Z,p-%d,,,,5.00,1,,,%n".formatted(order, order, order, line));
            }
        }
        Path file = plain("resume.csv", rows.toString());
        ImportListener interruptAfterFirstBatch = new ImportListener() {
            @Override
            public void progressed(long bytesRead, long rowsRead) {
                throw new IllegalStateException("interrupted after " + rowsRead + " rows");
            }
        };

        assertThatThrownBy(() -> importFile(file, ImportFormat.GENERIC, 2, interruptAfterFirstBatch))
                .hasMessage("interrupted after 7 rows");
        assertThat(eventCount()).isEqualTo(2);
        ImportReport resumed = importFile(file, ImportFormat.GENERIC, 2, ImportListener.NONE);

        assertThat(resumed.resumedAfterLine()).isEqualTo(7);
        assertThat(resumed.rowsRead()).isEqualTo(15);
        assertThat(resumed.ordersStored()).isEqualTo(5);
        assertThat(resumed.duplicates()).isZero();
        assertThat(eventCount()).isEqualTo(7);
        assertThat(productLines()).isEqualTo(21);
        ImportReport finished = importFile(file, ImportFormat.GENERIC, 2, ImportListener.NONE);
        assertThat(finished.rowsRead()).isZero();
        ImportReport restarted = importFile(file, ImportFormat.GENERIC, 2, ImportListener.NONE, true);
        assertThat(restarted.rowsRead()).isEqualTo(21);
        assertThat(restarted.duplicates()).isEqualTo(7);
        assertThat(restarted.ordersStored()).isZero();
        assertThat(eventCount()).isEqualTo(7);
    }

    @Test
    void cdnowRowsAreOrdersOfCompactDiscs() throws IOException {
        Path file = plain(
                "CDNOW_sample.txt",
                " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n"
                        + " 00002 19970112  3   36.00\r\n 00003 1997013x  1   12.00\r\n");

        ImportReport report = importFile(file, ImportFormat.CDNOW, 500, ImportListener.NONE);

        assertThat(report.ordersStored()).isEqualTo(2);
        assertThat(report.firstRejections())
                .containsExactly(new RejectedRow(4, "date", "is not a date such as 19970101: 1997013x"));
        JsonNode order = payload("import:cdnow:cdnow:00002:19970112:3");
        assertThat(order.get("userId").asString()).isEqualTo("00002");
        assertThat(order.get("timestamp").asString()).isEqualTo("1997-01-12T00:00:00Z");
        assertThat(order.at("/properties/total").decimalValue()).isEqualByComparingTo("36.00");
        assertThat(order.at("/properties/currency").asString()).isEqualTo("USD");
        assertThat(order.at("/properties/products/0/sku").asString()).isEqualTo("CD");
        assertThat(order.at("/properties/products/0/quantity").asLong()).isEqualTo(3);
        assertThat(order.at("/properties/products/0/price").decimalValue()).isEqualByComparingTo("12");
    }

    @Test
    void aFileWithoutTheFormatsColumnsIsRefusedWhole() throws IOException {
        Path file = plain("wrong.csv", "id,when\n1,2026-01-01\n");

        assertThatThrownBy(() -> importFile(file, ImportFormat.ONLINE_RETAIL, 500, ImportListener.NONE))
                .isInstanceOf(HearthProblem.class)
                .hasMessageContaining("InvoiceNo");
        assertThat(eventCount()).isZero();
    }

    private ImportReport importFile(Path file, ImportFormat format, int batchSize, ImportListener listener) {
        return importFile(file, format, batchSize, listener, false);
    }

    private ImportReport importFile(
            Path file, ImportFormat format, int batchSize, ImportListener listener, boolean restart) {
        return ingestion.importOrders(
                shop, new ImportRequest(file, format, source, null, batchSize, restart), listener);
    }

    private JsonNode payload(String messageId) {
        String payload = TenantContext.call(
                shop,
                () -> jdbc.sql("select payload::text from ingestion_event where message_id = ?")
                        .param(messageId)
                        .query(String.class)
                        .single());
        return json.readTree(payload);
    }

    private long eventCount() {
        return ingestion.countEvents(shop, null);
    }

    private long productLines() {
        return TenantContext.call(
                shop,
                () -> jdbc.sql("select sum(jsonb_array_length(payload->'properties'->'products')) from ingestion_event")
                        .query(Long.class)
                        .single());
    }

    private Path plain(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path gzipped(String name, String content) throws IOException {
        Path file = files.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
