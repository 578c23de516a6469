package io.hearth.ingestion.internal.imports;

import java.util.List;
import java.util.Map;

/** One row of a file: its line number and its values, reachable by column name. */
record SourceRow(long line, Map<String, Integer> columns, List<String> values) {

    /** The trimmed value of the column; empty when the row is too short to have it. */
    String get(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= values.size()) {
            return "";
        }
        return values.get(index).trim();
    }

    /** @throws RowRejected when the row has fewer values than the header has columns */
    void requireAllColumns() {
        if (values.size() < columns.size()) {
            throw new RowRejected("*", "has " + values.size() + " values, expected " + columns.size());
        }
    }
}
