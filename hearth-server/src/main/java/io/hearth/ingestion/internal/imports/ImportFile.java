package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.ImportFormat;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;

/**
 * A file of orders opened as a stream of rows: gzip is recognized by its magic bytes, a UTF-8 byte
 * order mark is skipped, and the bytes read so far (of the file, before decompression) drive the
 * progress bar.
 */
final class ImportFile implements Closeable {

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;
    private static final int BUFFER_BYTES = 1 << 16;

    private final long size;
    private final CountingInputStream counted;
    private final Reader reader;
    private final Iterator<SourceRow> rows;

    private ImportFile(long size, CountingInputStream counted, Reader reader, Iterator<SourceRow> rows) {
        this.size = size;
        this.counted = counted;
        this.reader = reader;
        this.rows = rows;
    }

    static ImportFile open(Path path, ImportFormat format) throws IOException {
        long size = Files.size(path);
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(decompressed(counted), StandardCharsets.UTF_8), BUFFER_BYTES);
            skipByteOrderMark(reader);
            Iterator<SourceRow> rows = switch (format) {
                case ONLINE_RETAIL, GENERIC ->
                    CsvRows.read(reader, OrderFormat.of(format).requiredColumns());
                case CDNOW -> SpaceSeparatedRows.read(reader, CdnowRows.COLUMNS);
            };
            return new ImportFile(size, counted, reader, rows);
        } catch (IOException | RuntimeException e) {
            counted.close();
            throw e;
        }
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return counted.count;
    }

    Iterator<SourceRow> rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND) {
            return new GZIPInputStream(buffered, BUFFER_BYTES);
        }
        return buffered;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Counts the bytes taken from the file. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count++;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
