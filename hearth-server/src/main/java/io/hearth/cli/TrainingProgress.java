package io.hearth.cli;

import io.hearth.predictions.ModelKind;
import io.hearth.predictions.TrainingListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the command's error stream (stderr from a shell): customers read (the total is
 * not known ahead), then each kind fitted. Written to the command's writer rather than System.err so
 * that whoever runs the command (a test, an embedding tool) sees the progress with the problems.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    // Wide enough for "train ... 12,345 customers ... fitting next-need" without a terminal to measure.
    private static final int WIDTH = 120;

    private final ProgressBar bar;

    TrainingProgress(PrintWriter err) {
        bar = new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(-1)
                .setUnit(" customers", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new DelegatingProgressBarConsumer(
                        line -> {
                            // As the console consumer does: each render overwrites the previous line.
                            err.print('\r');
                            err.print(line);
                            err.flush();
                        },
                        WIDTH))
                .build();
    }

    @Override
    public void read(long customers) {
        bar.stepTo(customers);
    }

    @Override
    public void fitting(ModelKind kind) {
        bar.setExtraMessage(" fitting " + kind.key());
        // A kind is progress worth seeing however fast it fits: ask for a redraw now rather than at the
        // next timer tick a second away (the redraw is asynchronous, so kinds fitted within the same
        // moment still show as the last of them).
        bar.refresh();
    }

    @Override
    public void close() {
        bar.setExtraMessage(" done");
        bar.close();
    }
}
