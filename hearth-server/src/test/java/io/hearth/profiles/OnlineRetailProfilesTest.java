package io.hearth.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.ingestion.ImportFormat;
import io.hearth.ingestion.ImportListener;
import io.hearth.ingestion.ImportRequest;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.HearthTest;
import io.hearth.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * After the Online Retail history is imported, every customer has one profile whose order count and
 * revenue equal what a plain computation over the CSV gives, customer by customer.
 */
// A whole data set's import leaves listener work queued behind it; a context of its own keeps that
// backlog from delaying the test classes that share the next context.
@HearthTest
@DirtiesContext
class OnlineRetailProfilesTest {

    @Autowired
    IngestionManagement ingestion;

    @Autowired
    TenantManagement tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void profilesBuiltFromTheImportMatchAnIndependentComputation() throws IOException {
        Path file = SharedData.file("online-retail/online_retail_combined.csv.gz");
        Map<String, Expected> expected = independently(file);
        TenantId shop = tenants.createTenant(null, "online retail", "GBP");
        UUID source = tenants.createSource(shop, "import", SourceKind.IMPORT, null, null)
                .id();
        long start = System.nanoTime();

        ingestion.importOrders(
                shop,
                new ImportRequest(file, ImportFormat.ONLINE_RETAIL, source, null, 1_000, true),
                ImportListener.NONE);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count(shop, "select count(*) from profiles_event")
                        == count(shop, "select count(*) from ingestion_event"));
        System.out.printf(
                "online retail: import and profiles of 25,900 orders in %.1f s%n", (System.nanoTime() - start) / 1e9);

        Map<String, Expected> actual = new HashMap<>();
        TenantContext.run(
                shop,
                () -> jdbc.sql("""
                        select i.value as user_id, c.orders_count, c.revenue from profiles_customer c
                        join profiles_identifier i on i.customer_id = c.customer_id and i.kind = 'user_id'
                        where c.merged_into is null
                        """)
                        .query((rs, row) -> actual.put(
                                rs.getString("user_id"),
                                new Expected(
                                        rs.getLong("orders_count"),
                                        rs.getBigDecimal("revenue").stripTrailingZeros())))
                        .list());
        assertThat(actual).hasSize(4_372);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, Expected> customer : expected.entrySet()) {
            Expected mine = actual.get(customer.getKey());
            assertThat(mine.orders())
                    .as("orders of " + customer.getKey())
                    .isEqualTo(customer.getValue().orders());
            assertThat(mine.revenue())
                    .as("revenue of " + customer.getKey())
                    .isEqualByComparingTo(customer.getValue().revenue());
        }
    }

    /** Orders (non-cancellation invoices) and their revenue per customer, straight from the CSV. */
    private static Map<String, Expected> independently(Path file) throws IOException {
        Map<String, Set<String>> invoices = new HashMap<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                String customer = row.get("CustomerID");
                String invoice = row.get("InvoiceNo");
                if (customer.isEmpty()) {
                    continue;
                }
                String id = customer.endsWith(".0") ? customer.substring(0, customer.length() - 2) : customer;
                invoices.computeIfAbsent(id, c -> new HashSet<>());
                revenue.putIfAbsent(id, BigDecimal.ZERO);
                if (invoice.startsWith("C")) {
                    continue;
                }
                invoices.get(id).add(invoice);
                BigDecimal line = new BigDecimal(row.get("UnitPrice")).multiply(new BigDecimal(row.get("Quantity")));
                revenue.merge(id, line, BigDecimal::add);
            }
        }
        Map<String, Expected> expected = new HashMap<>();
        invoices.forEach((id, orders) ->
                expected.put(id, new Expected(orders.size(), revenue.get(id).stripTrailingZeros())));
        return expected;
    }

    private long count(TenantId shop, String sql) {
        return TenantContext.call(shop, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private record Expected(long orders, BigDecimal revenue) {}
}
