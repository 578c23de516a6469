package io.hearth.cli;

import io.hearth.ingestion.IngestionManagement;
import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.TrainingProgress;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.TenantManagement;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hearth train recommendations --tenant …}: see {@code docs/recommendations-api.md}. */
@Command(
        name = "recommendations",
        mixinStandardHelpOptions = true,
        description = {
            "Train a new version of the tenant's recommendation models now and store it.",
            "A running server picks the version up within hearth.recommendations.refresh-interval."
        })
final class TrainRecommendationsCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(
            names = "--tenant",
            required = true,
            paramLabel = "<uuid|demo>",
            description = "The tenant to train; `demo` is the demo tenant.")
    @SuppressWarnings("NullAway.Init")
    String tenant;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the embedded database lives (default: $HEARTH_DATA_DIR or ./hearth-data).")
    @Nullable
    String dataDir;

    TrainRecommendationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TenantId tenantId = tenantId();
        try (ConfigurableApplicationContext application = context.start(dataDir)) {
            if (!application.getBean(TenantManagement.class).tenantExists(tenantId)) {
                spec.commandLine().getErr().println("hearth: no tenant " + tenantId);
                return FailureReport.FAILED;
            }
            long events = application.getBean(IngestionManagement.class).countEvents(tenantId, "track");
            ModelSummary summary;
            try (Bar bar = new Bar(events)) {
                summary = application.getBean(RecommendationManagement.class).train(tenantId, bar);
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "model version %d: %d shoppers, %d products, %d interactions, %s, %d ms, coverage %.3f%n",
                            summary.version(),
                            summary.identities(),
                            summary.items(),
                            summary.interactions(),
                            summary.factorized() ? "ALS trained" : "popularity only",
                            summary.trainingMillis(),
                            summary.coverage());
            return 0;
        }
    }

    private TenantId tenantId() {
        if (tenant.equalsIgnoreCase("demo")) {
            return ImportOrdersCommand.DEMO_TENANT;
        }
        try {
            return TenantId.of(tenant);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--tenant must be a UUID or `demo`: " + tenant);
        }
    }

    /** Events read against the tenant's track events, then one tick per training step. */
    private static final class Bar implements TrainingProgress, AutoCloseable {

        private final ProgressBar bar;
        private final long events;

        Bar(long events) {
            this.events = events;
            this.bar = new ProgressBarBuilder()
                    .setTaskName("training")
                    .setInitialMax(events + STEPS)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }

        @Override
        public void eventsRead(int read) {
            bar.stepTo(Math.min(read, events));
            bar.setExtraMessage(" reading events");
        }

        @Override
        public void step(String name, String detail) {
            bar.stepTo(Math.max(bar.getCurrent(), events) + 1);
            bar.setExtraMessage(" " + name + ": " + detail);
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
