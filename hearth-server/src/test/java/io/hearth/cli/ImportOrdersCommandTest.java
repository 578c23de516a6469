package io.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.HearthApplication;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.platform.DatabaseSettings;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.HearthTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command line next to a running server: it attaches to the server's embedded PostgreSQL (two
 * servers cannot share a data directory) and leaves it running.
 */
@HearthTest
class ImportOrdersCommandTest {

    @Autowired
    TenantManagement tenants;

    @Autowired
    IngestionManagement ingestion;

    @Autowired
    DatabaseSettings database;

    @TempDir
    Path files;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void importsIntoTheRunningServersDatabaseAndCreatesTheImportSource() throws IOException {
        TenantId shop = tenants.createTenant(null, "cli-" + UUID.randomUUID(), "EUR");
        Path file = Files.writeString(files.resolve("orders.csv"), """
                order_id,customer_id,email,timestamp,product_id,sku,name,category,price,quantity,currency,total,status
                o-1,c-1,,2026-03-01T10:00:00Z,p-1,,,,10.00,1,,,
                o-2,c-2,,not a date,p-1,,,,10.00,1,,,
                """);

        int exitCode = hearth("import", "orders", file.toString(), "--tenant", shop.toString(), "--format", "generic");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("orders stored        1", "rows rejected        1", "line 3, timestamp");
        assertThat(ingestion.countEvents(shop, "track")).isEqualTo(1);
        assertThat(tenants.sources(shop)).anySatisfy(source -> {
            assertThat(source.name()).isEqualTo("import");
            assertThat(source.kind()).isEqualTo(SourceKind.IMPORT);
        });
        assertThat(tenants.tenantExists(shop))
                .as("the server's database still answers")
                .isTrue();
    }

    @Test
    void anUnknownTenantFailsTheCommand() throws IOException {
        Path file = Files.writeString(files.resolve("empty.csv"), "order_id,timestamp\n");

        int exitCode = hearth(
                "import",
                "orders",
                file.toString(),
                "--tenant",
                UUID.randomUUID().toString(),
                "--format",
                "generic");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("no tenant");
    }

    @Test
    void usageErrorsAreReportedBeforeAnythingStarts() {
        assertThat(hearth("import", "orders", "missing.csv", "--tenant", "demo", "--format", "generic"))
                .isEqualTo(2);
        assertThat(hearth("import", "orders", "missing.csv", "--tenant", "shop", "--format", "generic"))
                .isEqualTo(2);
        assertThat(hearth("import", "orders", "missing.csv", "--tenant", "demo", "--format", "excel"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("No such file", "--tenant must be a UUID", "unknown format excel");
        assertThat(hearth("import", "orders", "--help")).isZero();
        assertThat(out.toString()).contains("--batch-size", "--restart");
    }

    private int hearth(String... args) {
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = database.dataDir().toString();
        if (args[args.length - 1].equals("--help")) {
            return HearthCli.run(HearthApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), args);
        }
        return HearthCli.run(
                HearthApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), withDataDir);
    }
}
