package io.hearth.cli;

import io.hearth.ingestion.ImportListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/** A progress bar on stderr, by bytes of the file read (compressed bytes for a gzipped file). */
final class ImportProgress implements ImportListener, AutoCloseable {

    private static final long KILOBYTE = 1 << 10;
    private static final long MEGABYTE = 1 << 20;
    private static final long SMALL_FILE = 16 * MEGABYTE;

    private final String task;
    private @Nullable ProgressBar bar;

    ImportProgress(String task) {
        this.task = task;
    }

    @Override
    public void started(long fileBytes, long resumedAfterLine) {
        if (resumedAfterLine > 0) {
            System.err.println("resuming after line " + resumedAfterLine + " (use --restart to read from the start)");
        }
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(fileBytes)
                .setUnit(fileBytes < SMALL_FILE ? " KB" : " MB", fileBytes < SMALL_FILE ? KILOBYTE : MEGABYTE)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
    }

    @Override
    public void progressed(long bytesRead, long rowsRead) {
        if (bar != null) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(rowsRead > 0 ? " " + rowsRead + " rows" : " skipping");
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
