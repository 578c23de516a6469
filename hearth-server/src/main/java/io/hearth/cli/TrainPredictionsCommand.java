package io.hearth.cli;

import io.hearth.predictions.ModelVersion;
import io.hearth.predictions.PredictionManagement;
import io.hearth.shared.TenantId;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth train predictions --tenant …}: trains every prediction model of a tenant now; see {@code docs/predictions-api.md}. */
@Command(
        name = "predictions",
        mixinStandardHelpOptions = true,
        description = {
            "Train the tenant's prediction models (CLV, churn, health, replenishment, send time) on its orders.",
            "Each kind gets a new version in the registry; a version that fails its checks is listed with why."
        })
final class TrainPredictionsCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    @SuppressWarnings("NullAway.Init")
    TenantOptions target;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "Train on the orders up to the end of this day (UTC), as if it were then (default: now).")
    @Nullable
    LocalDate asOf;

    TrainPredictionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TenantId tenantId = target.tenantId();
        try (ConfigurableApplicationContext application = context.start(target.dataDir)) {
            if (!target.exists(application, tenantId)) {
                return FailureReport.FAILED;
            }
            List<ModelVersion> versions;
            try (TrainingProgress progress =
                    new TrainingProgress(spec.commandLine().getErr())) {
                PredictionManagement predictions = application.getBean(PredictionManagement.class);
                versions = asOf == null
                        ? predictions.train(tenantId, progress)
                        : predictions.train(tenantId, endOf(asOf), progress);
            }
            print(versions, spec.commandLine().getOut());
            return 0;
        }
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }

    private static void print(List<ModelVersion> versions, PrintWriter out) {
        for (ModelVersion version : versions) {
            out.printf(
                    Locale.ROOT,
                    "%-18s %-5s %,9d customers %,10d purchases  %s%n",
                    version.id(),
                    version.good() ? "good" : "not",
                    version.customers(),
                    version.transactions(),
                    version.good() ? figures(version.parameters()) : version.reason());
        }
        out.flush();
    }

    private static String figures(Map<String, Double> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        entry -> text.append(String.format(Locale.ROOT, "%s=%.4g ", entry.getKey(), entry.getValue())));
        return text.toString().trim();
    }
}
