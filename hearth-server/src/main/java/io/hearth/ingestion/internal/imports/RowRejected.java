package io.hearth.ingestion.internal.imports;

/** A value of a row cannot be read; the row is left out of its order and reported. */
final class RowRejected extends RuntimeException {

    private final String column;

    RowRejected(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    String column() {
        return column;
    }

    String reason() {
        return getMessage();
    }
}
