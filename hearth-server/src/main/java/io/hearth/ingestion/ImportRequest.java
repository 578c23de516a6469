package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One file of historical orders to import.
 *
 * @param file the file, plain or gzipped (recognized by its content)
 * @param format how its rows map to orders
 * @param sourceId the source the orders are recorded under; message ids are unique per source
 * @param currency the currency of amounts without one; null takes the format's, then the tenant's
 * @param batchSize orders stored per transaction (and per checkpoint)
 * @param restart ignore the checkpoint of an earlier run of the same file
 */
public record ImportRequest(
        Path file,
        ImportFormat format,
        UUID sourceId,
        @Nullable String currency,
        int batchSize,
        boolean restart) {

    public static final int DEFAULT_BATCH_SIZE = 500;

    public ImportRequest {
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
        requireNonNull(sourceId, "sourceId is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
