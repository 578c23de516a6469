package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.ImportReport.RejectedRow;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * {@code FILE.rejects.csv} beside the imported file: {@code line,column,reason} for every rejected
 * row. A fresh run replaces it; a resumed run appends to what the interrupted run found. Created only
 * when there is something to write.
 */
final class RejectsFile implements Closeable {

    private static final String[] HEADER = {"line", "column", "reason"};

    private final Path path;
    private final boolean append;
    private @Nullable CSVPrinter printer;

    private RejectsFile(Path path, boolean append) {
        this.path = path;
        this.append = append;
    }

    static RejectsFile beside(Path imported, boolean resumed) throws IOException {
        Path path = imported.resolveSibling(imported.getFileName() + ".rejects.csv");
        if (!resumed) {
            Files.deleteIfExists(path);
        }
        return new RejectsFile(path, resumed && Files.exists(path));
    }

    void write(RejectedRow row) throws IOException {
        if (printer == null) {
            printer = open();
        }
        printer.printRecord(row.line(), row.column(), row.reason());
    }

    Optional<Path> path() {
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    private CSVPrinter open() throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(
                path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        CSVFormat format = append
                ? CSVFormat.DEFAULT
                : CSVFormat.DEFAULT.builder().setHeader(HEADER).get();
        return new CSVPrinter(writer, format);
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close(true);
        }
    }
}
