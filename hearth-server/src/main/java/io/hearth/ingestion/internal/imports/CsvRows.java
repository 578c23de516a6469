package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.IngestionProblem;
import io.hearth.shared.HearthProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of a CSV file with a header line (RFC 4180 quoting). The header is line 1, so a record's
 * line is its record number plus one (as long as no quoted value spans lines).
 */
final class CsvRows {

    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .get();

    private CsvRows() {}

    static Iterator<SourceRow> read(Reader reader, Set<String> requiredColumns) throws IOException {
        CSVParser parser;
        try {
            parser =
                    CSVParser.builder().setReader(reader).setFormat(WITH_HEADER).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new HearthProblem(
                    IngestionProblem.INVALID_IMPORT, "The header line cannot be read: " + e.getMessage());
        }
        Map<String, Integer> columns = Map.copyOf(parser.getHeaderMap());
        Set<String> missing = new TreeSet<>(requiredColumns);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            throw new HearthProblem(IngestionProblem.INVALID_IMPORT, "The header line has no column " + missing);
        }
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public SourceRow next() {
                CSVRecord record = records.next();
                return new SourceRow(record.getRecordNumber() + 1, columns, record.toList());
            }
        };
    }
}
