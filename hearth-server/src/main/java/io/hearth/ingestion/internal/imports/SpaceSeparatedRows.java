package io.hearth.ingestion.internal.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a text file whose values are separated by runs of spaces (CDNOW). Columns are fixed by the
 * format; a first line that does not start with a digit is a header and skipped; blank lines too.
 */
final class SpaceSeparatedRows implements Iterator<SourceRow> {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final BufferedReader reader;
    private final Map<String, Integer> columns;
    private long lineNumber;
    private @Nullable SourceRow next;

    private SpaceSeparatedRows(BufferedReader reader, Map<String, Integer> columns) {
        this.reader = reader;
        this.columns = columns;
    }

    static Iterator<SourceRow> read(BufferedReader reader, List<String> columnNames) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < columnNames.size(); i++) {
            columns.put(columnNames.get(i), i);
        }
        return new SpaceSeparatedRows(reader, Map.copyOf(columns));
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    private @Nullable SourceRow advance() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                boolean header = lineNumber == 1 && !trimmed.isEmpty() && !Character.isDigit(trimmed.charAt(0));
                if (!trimmed.isEmpty() && !header) {
                    return new SourceRow(lineNumber, columns, Arrays.asList(SPACES.split(trimmed)));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
