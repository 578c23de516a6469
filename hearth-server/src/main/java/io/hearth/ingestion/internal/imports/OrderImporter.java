package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.ImportListener;
import io.hearth.ingestion.ImportReport;
import io.hearth.ingestion.ImportRequest;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.ingestion.internal.EventWriter;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a file of historical orders as a stream: rows are read one at a time, never the whole file,
 * and orders are stored in batches. After each batch the last line whose order is stored becomes the
 * file's checkpoint, so an interrupted import resumes there; message ids derived from the order ids
 * make a repeated run store nothing twice.
 */
@Component
public class OrderImporter {

    private static final Logger log = LoggerFactory.getLogger(OrderImporter.class);
    private static final long PROGRESS_EVERY_ROWS = 10_000;

    private final ImportServices services;

    OrderImporter(EventWriter writer, ImportCheckpoints checkpoints, JsonMapper json) {
        this.services = new ImportServices(writer, checkpoints, json);
    }

    public ImportReport importOrders(TenantId tenant, ImportRequest request, ImportListener listener) {
        long started = System.nanoTime();
        String key = checkpointKey(request);
        long resumeAfter = request.restart()
                ? 0
                : services.checkpoints().lastLine(tenant, key).orElse(0L);
        String currency = request.currency() != null
                ? request.currency()
                : request.format().currency().orElse(null);
        try (ImportFile file = open(request);
                RejectsFile rejects = RejectsFile.beside(request.file(), resumeAfter > 0)) {
            ImportTarget target = new ImportTarget(tenant, request, key, resumeAfter, currency, file::bytesRead);
            ImportRun run = new ImportRun(target, services, listener, rejects);
            listener.started(file.size(), resumeAfter);
            readRows(file, resumeAfter, run, listener);
            run.finish();
            listener.progressed(file.size(), run.rowsRead());
            ImportReport report = run.report(Duration.ofNanos(System.nanoTime() - started));
            log.info(
                    "imported {} rows of {} for tenant {}: {} orders, {} refunds, {} duplicates, {} rejected",
                    report.rowsRead(),
                    request.format().code(),
                    tenant,
                    report.ordersStored(),
                    report.refundsStored(),
                    report.duplicates(),
                    report.rowsRejected());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.file(), e);
        }
    }

    private static void readRows(ImportFile file, long resumeAfter, ImportRun run, ImportListener listener) {
        Iterator<SourceRow> rows = file.rows();
        long skipped = 0;
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            if (row.line() <= resumeAfter) {
                skipped++;
                if (skipped % PROGRESS_EVERY_ROWS == 0) {
                    listener.progressed(file.bytesRead(), 0);
                }
                continue;
            }
            run.accept(row);
        }
    }

    private static ImportFile open(ImportRequest request) throws IOException {
        try {
            return ImportFile.open(request.file(), request.format());
        } catch (NoSuchFileException e) {
            throw new HearthProblem(IngestionProblem.INVALID_IMPORT, "No such file: " + request.file());
        }
    }

    /** The file as it is now: a changed file (other size or time) is imported afresh. */
    private static String checkpointKey(ImportRequest request) {
        Path file = request.file();
        try {
            return request.format().code() + ":" + file.getFileName() + ":" + Files.size(file) + ":"
                    + Files.getLastModifiedTime(file).toMillis();
        } catch (NoSuchFileException e) {
            throw new HearthProblem(IngestionProblem.INVALID_IMPORT, "No such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
