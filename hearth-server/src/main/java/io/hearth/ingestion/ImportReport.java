package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param rowsRead rows of the file read in this run (after the checkpoint)
 * @param resumedAfterLine the checkpoint this run started from; 0 for a fresh run
 * @param ordersStored order events appended (Order Completed, Order Cancelled)
 * @param refundsStored Order Refunded events appended
 * @param duplicates orders whose message id the source already had (an earlier, interrupted run)
 * @param rowsRejected rows left out, each listed in the rejects file
 * @param firstRejections the first {@link #LISTED_REJECTIONS} of them
 * @param rejectsFile the CSV with every rejected row, when there was one
 * @param elapsed the run's wall time
 */
public record ImportReport(
        long rowsRead,
        long resumedAfterLine,
        long ordersStored,
        long refundsStored,
        long duplicates,
        long rowsRejected,
        List<RejectedRow> firstRejections,
        @Nullable Path rejectsFile,
        Duration elapsed) {

    public static final int LISTED_REJECTIONS = 20;

    public ImportReport {
        firstRejections = List.copyOf(firstRejections);
        requireNonNull(elapsed, "elapsed is null");
    }

    public Optional<Path> rejects() {
        return Optional.ofNullable(rejectsFile);
    }

    /** Rows read per second of wall time. */
    public double rowsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return rowsRead / seconds;
    }

    /** A row left out of its order: its line in the file, the column at fault and why. */
    public record RejectedRow(long line, String column, String reason) {
        public RejectedRow {
            requireNonNull(column, "column is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
