package io.hearth.predictions;

import static org.awaitility.Awaitility.await;

import io.hearth.ingestion.ImportFormat;
import io.hearth.ingestion.ImportListener;
import io.hearth.ingestion.ImportRequest;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop with a year of generated order history, imported through the real CSV import: regular
 * customers who buy every one to six weeks, and lapsed ones who stopped a few months ago. Seeded, so
 * every run sees the same orders (relative to now).
 */
final class GeneratedShop {

    private static final String HEADER =
            "order_id,customer_id,email,timestamp,product_id,sku,name,category,price,quantity,currency,total,status\n";

    private final IngestionManagement ingestion;
    private final TenantManagement tenants;
    private final JdbcClient jdbc;

    GeneratedShop(IngestionManagement ingestion, TenantManagement tenants, JdbcClient jdbc) {
        this.ingestion = ingestion;
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    /** Imports {@code customers} customers' orders into the tenant and waits until profiles hold them. */
    long importInto(TenantId shop, Path directory, String prefix, int customers, Instant now, long seed) {
        Random random = new Random(seed);
        long before = count(shop);
        now = now.truncatedTo(ChronoUnit.SECONDS);
        StringBuilder csv = new StringBuilder(HEADER);
        long orders = 0;
        for (int c = 0; c < customers; c++) {
            int rhythmDays = 7 * (1 + random.nextInt(6));
            boolean lapsed = random.nextInt(3) == 0;
            Instant stop = lapsed ? now.minus(100 + random.nextInt(100), ChronoUnit.DAYS) : now;
            Instant at =
                    now.minus(250 + random.nextInt(100), ChronoUnit.DAYS).plus(random.nextInt(20), ChronoUnit.HOURS);
            double basket = 20 + random.nextInt(80);
            for (int o = 0; !at.isAfter(stop); o++) {
                double total = Math.round(basket * (0.7 + 0.6 * random.nextDouble()) * 100) / 100.0;
                csv.append(String.format(
                        Locale.ROOT,
                        "%s-%d-%d,%s-%d,,%s,p-1,,,,%.2f,1,EUR,%.2f,%n",
                        prefix,
                        c,
                        o,
                        prefix,
                        c,
                        at,
                        total,
                        total));
                orders++;
                at = at.plus(Math.max(1, rhythmDays + random.nextInt(7) - 3), ChronoUnit.DAYS);
            }
        }
        run(shop, directory.resolve(prefix + ".csv"), csv.toString());
        awaitOrders(shop, before + orders);
        return orders;
    }

    /** Imports {@code customers} new customers with one order each, placed {@code at}. */
    void importOneTimeBuyers(TenantId shop, Path directory, String prefix, int customers, Instant at) {
        long before = count(shop);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int c = 0; c < customers; c++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s-%d-0,%s-%d,,%s,p-1,,,,30.00,1,EUR,30.00,%n",
                    prefix,
                    c,
                    prefix,
                    c,
                    at.truncatedTo(ChronoUnit.SECONDS)));
        }
        run(shop, directory.resolve(prefix + ".csv"), csv.toString());
        awaitOrders(shop, before + customers);
    }

    private void run(TenantId shop, Path file, String csv) {
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID source = tenants.sourceNamed(shop, "import")
                .orElseGet(() -> tenants.createSource(shop, "import", SourceKind.IMPORT, null, null)
                        .id());
        ingestion.importOrders(
                shop, new ImportRequest(file, ImportFormat.GENERIC, source, "EUR", 500, true), ImportListener.NONE);
    }

    private void awaitOrders(TenantId shop, long expected) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> count(shop) >= expected);
    }

    private long count(TenantId shop) {
        return TenantContext.call(
                shop,
                () -> jdbc.sql("select count(*) from profiles_order")
                        .query(Long.class)
                        .single());
    }
}
