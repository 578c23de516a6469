package io.hearth.testing;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports an order CSV (Hearth's generic format) through a fresh import source and waits until the
 * profiles hold its orders: the import returns when the events are stored, profiles build after.
 */
@TestComponent
public class OrderImports {

    private final TenantManagement tenancy;
    private final IngestionManagement ingestion;
    private final JdbcClient jdbc;

    OrderImports(TenantManagement tenancy, IngestionManagement ingestion, JdbcClient jdbc) {
        this.tenancy = tenancy;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
    }

    /** Writes {@code csv} to {@code file}, imports it and waits up to {@code timeout} for {@code orders} profile orders. */
    public void importAndAwait(
            TenantId tenant, Path file, String csv, String currency, int batchSize, long orders, Duration timeout)
            throws IOException {
        Files.writeString(file, csv);
        UUID source = tenancy.createSource(tenant, "import", SourceKind.IMPORT, null, null)
                .id();
        ingestion.importOrders(
                tenant,
                new ImportRequest(file, ImportFormat.GENERIC, source, currency, batchSize, true),
                ImportListener.NONE);
        await().atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> profileOrders(tenant) >= orders);
    }

    private long profileOrders(TenantId tenant) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("select count(*) from profiles_order")
                        .query(Long.class)
                        .single());
    }
}
