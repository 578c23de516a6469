package io.hearth.cli;

import io.hearth.predictions.ModelKind;
import io.hearth.predictions.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr: customers read (the total is not known ahead), then each kind fitted. */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    private final ProgressBar bar = new ProgressBarBuilder()
            .setTaskName("train")
            .setInitialMax(-1)
            .setUnit(" customers", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();

    @Override
    public void read(long customers) {
        bar.stepTo(customers);
    }

    @Override
    public void fitting(ModelKind kind) {
        bar.setExtraMessage(" fitting " + kind.key());
    }

    @Override
    public void close() {
        bar.setExtraMessage(" done");
        bar.close();
    }
}
