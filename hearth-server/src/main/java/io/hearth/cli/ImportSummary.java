package io.hearth.cli;

import io.hearth.ingestion.ImportReport;
import io.hearth.ingestion.ImportReport.RejectedRow;
import java.io.PrintWriter;
import java.util.Locale;

/** The report of an import as the operator reads it. */
final class ImportSummary {

    private final ImportReport report;

    ImportSummary(ImportReport report) {
        this.report = report;
    }

    void print(PrintWriter out) {
        if (report.resumedAfterLine() > 0) {
            out.printf(Locale.ROOT, "resumed after line   %,d%n", report.resumedAfterLine());
        }
        out.printf(Locale.ROOT, "rows read            %,d%n", report.rowsRead());
        out.printf(Locale.ROOT, "orders stored        %,d%n", report.ordersStored());
        out.printf(Locale.ROOT, "refunds stored       %,d%n", report.refundsStored());
        out.printf(Locale.ROOT, "duplicates skipped   %,d%n", report.duplicates());
        out.printf(Locale.ROOT, "rows rejected        %,d%n", report.rowsRejected());
        out.printf(
                Locale.ROOT,
                "took                 %.1f s (%,.0f rows/s)%n",
                report.elapsed().toMillis() / 1000.0,
                report.rowsPerSecond());
        for (RejectedRow row : report.firstRejections()) {
            out.printf(Locale.ROOT, "  line %d, %s: %s%n", row.line(), row.column(), row.reason());
        }
        long unlisted = report.rowsRejected() - report.firstRejections().size();
        if (unlisted > 0) {
            out.printf(Locale.ROOT, "  … and %,d more%n", unlisted);
        }
        report.rejects().ifPresent(path -> out.println("all rejected rows: " + path));
        out.flush();
    }
}
