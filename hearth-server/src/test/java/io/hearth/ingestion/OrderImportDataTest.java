package io.hearth.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.HearthTest;
import io.hearth.testing.SharedData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Imports the public data sets of {@code ../shared/data} and checks the counts their sources publish. */
// A whole data set's import leaves listener work queued behind it; a context of its own keeps that
// backlog from delaying the test classes that share the next context.
@HearthTest
@DirtiesContext
class OrderImportDataTest {

    private static final int BATCH_SIZE = 1_000;

    @Autowired
    IngestionManagement ingestion;

    @Autowired
    TenantManagement tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlineRetailGivesOneEventPerInvoiceWithEveryRowAsAProductLine() {
        Path file = SharedData.file("online-retail/online_retail_combined.csv.gz");
        TenantId shop = tenants.createTenant(null, "online-retail", "EUR");

        ImportReport report = importFile(shop, file, ImportFormat.ONLINE_RETAIL);

        assertThat(report.rowsRejected()).isZero();
        assertThat(report.rowsRead()).isEqualTo(541_909);
        assertThat(report.ordersStored() + report.refundsStored()).isEqualTo(25_900);
        assertThat(count(shop, "select count(*) from ingestion_event")).isEqualTo(25_900);
        assertThat(count(shop, "select count(distinct user_id) from ingestion_event"))
                .isEqualTo(4_372);
        assertThat(count(
                        shop, "select sum(jsonb_array_length(payload->'properties'->'products')) from ingestion_event"))
                .isEqualTo(541_909 - report.rowsRejected());
        assertThat(count(shop, "select count(*) from ingestion_event where event = 'Order Refunded'"))
                .isEqualTo(report.refundsStored());
    }

    @Test
    void cdnowGivesTheOrdersCustomersCompactDiscsAndDollarsOfTheBenchmark() {
        Path file = SharedData.file("cdnow/CDNOW_master.txt");
        TenantId shop = tenants.createTenant(null, "cdnow", "EUR");

        ImportReport report = importFile(shop, file, ImportFormat.CDNOW);

        assertThat(report.rowsRejected()).isZero();
        assertThat(report.ordersStored()).isEqualTo(69_659);
        assertThat(count(shop, "select count(*) from ingestion_event")).isEqualTo(69_659);
        assertThat(count(shop, "select count(distinct user_id) from ingestion_event"))
                .isEqualTo(23_570);
        assertThat(count(shop, """
                        select sum((line->>'quantity')::bigint)
                        from ingestion_event, jsonb_array_elements(payload->'properties'->'products') as line
                        """)).isEqualTo(167_881);
        BigDecimal dollars = TenantContext.call(
                shop,
                () -> jdbc.sql("select sum((payload->'properties'->>'total')::numeric) from ingestion_event")
                        .query(BigDecimal.class)
                        .single());
        assertThat(dollars.setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("2500316");
    }

    private ImportReport importFile(TenantId shop, Path file, ImportFormat format) {
        UUID source = tenants.createSource(shop, "import", SourceKind.IMPORT, null, null)
                .id();
        ImportReport report = ingestion.importOrders(
                shop, new ImportRequest(file, format, source, null, BATCH_SIZE, true), ImportListener.NONE);
        System.out.printf(
                Locale.ROOT,
                "%s: %,d rows in %.1f s = %,.0f rows/s; %,d orders, %,d refunds, %,d rejected%n",
                format.code(),
                report.rowsRead(),
                report.elapsed().toMillis() / 1000.0,
                report.rowsPerSecond(),
                report.ordersStored(),
                report.refundsStored(),
                report.rowsRejected());
        awaitProfilesOf(shop);
        return report;
    }

    /** Profiles are built in the background: wait for them so no work spills into other tests. */
    private void awaitProfilesOf(TenantId shop) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(5))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> count(shop, "select count(*) from profiles_event")
                        == count(shop, "select count(*) from ingestion_event"));
    }

    private long count(TenantId shop, String sql) {
        return TenantContext.call(shop, () -> jdbc.sql(sql).query(Long.class).single());
    }
}
