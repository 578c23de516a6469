package io.hearth.cli;

import io.hearth.ingestion.ImportFormat;
import io.hearth.ingestion.ImportReport;
import io.hearth.ingestion.ImportRequest;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth import orders FILE --tenant … --format …}: see {@code docs/import.md}. */
@Command(
        name = "orders",
        mixinStandardHelpOptions = true,
        description = {
            "Import historical orders from a CSV file (plain or gzipped), streaming and resumable.",
            "Rows that cannot be read are left out and listed in FILE.rejects.csv; exit code 0 even then."
        })
final class ImportOrdersCommand implements Callable<Integer> {

    static final TenantId DEMO_TENANT = TenantId.of("00000000-0000-4000-8000-00000000d3e0");

    private final CliContext context;

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Option(
            names = "--tenant",
            required = true,
            paramLabel = "<uuid|demo>",
            description = "The tenant to import into; `demo` is the demo tenant.")
    @SuppressWarnings("NullAway.Init")
    String tenant;

    @Option(
            names = "--format",
            required = true,
            converter = FormatConverter.class,
            paramLabel = "<online-retail|cdnow|generic>",
            description = "How the file's rows map to orders.")
    @SuppressWarnings("NullAway.Init")
    ImportFormat format;

    @Option(
            names = "--source",
            defaultValue = "import",
            description = "The source to record the orders under, created if missing (default: ${DEFAULT-VALUE}).")
    String source = "import";

    @Option(
            names = "--currency",
            description = "Currency of the amounts (default: GBP for online-retail, USD for cdnow, else the tenant's).")
    @Nullable
    String currency;

    @Option(
            names = "--batch-size",
            defaultValue = "500",
            description = "Orders stored per transaction and checkpoint (default: ${DEFAULT-VALUE}).")
    int batchSize = ImportRequest.DEFAULT_BATCH_SIZE;

    @Option(
            names = "--restart",
            description = "Ignore the checkpoint of an earlier run and read the file from the start.")
    boolean restart;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the embedded database lives (default: $HEARTH_DATA_DIR or ./hearth-data).")
    @Nullable
    String dataDir;

    ImportOrdersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TenantId tenantId = tenantId();
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "No such file: " + file);
        }
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be positive");
        }
        try (ConfigurableApplicationContext application = context.start(dataDir)) {
            TenantManagement tenants = application.getBean(TenantManagement.class);
            if (!tenants.tenantExists(tenantId)) {
                spec.commandLine().getErr().println("hearth: no tenant " + tenantId + hintFor(tenantId));
                return FailureReport.FAILED;
            }
            UUID sourceId = tenants.sourceNamed(tenantId, source)
                    .orElseGet(() -> tenants.createSource(tenantId, source, SourceKind.IMPORT, null, null)
                            .id());
            ImportRequest request = new ImportRequest(
                    file.toAbsolutePath(), format, sourceId, normalizedCurrency(), batchSize, restart);
            ImportReport report;
            try (ImportProgress progress = new ImportProgress(file.getFileName().toString())) {
                report = application.getBean(IngestionManagement.class).importOrders(tenantId, request, progress);
            }
            new ImportSummary(report).print(spec.commandLine().getOut());
            return 0;
        }
    }

    private TenantId tenantId() {
        return TenantOptions.tenantId(tenant, spec);
    }

    private @Nullable String normalizedCurrency() {
        if (currency == null) {
            return null;
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        try {
            java.util.Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--currency must be an ISO 4217 code: " + currency);
        }
    }

    private static String hintFor(TenantId tenant) {
        return tenant.equals(DEMO_TENANT) ? " (the server creates the demo tenant on its first start)" : "";
    }

    static final class FormatConverter implements ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            return ImportFormat.fromCode(value);
        }
    }
}
