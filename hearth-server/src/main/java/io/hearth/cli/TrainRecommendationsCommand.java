package io.hearth.cli;

import io.hearth.ingestion.IngestionManagement;
import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.TrainingProgress;
import io.hearth.shared.TenantId;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    @SuppressWarnings("NullAway.Init")
    TenantOptions target;

    TrainRecommendationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TenantId tenantId = target.tenantId();
        try (ConfigurableApplicationContext application = context.start(target.dataDir)) {
            if (!target.exists(application, tenantId)) {
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
        public void productsEmbedded(int done, int total) {
            bar.setExtraMessage(" describing products: " + done + " of " + total);
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
