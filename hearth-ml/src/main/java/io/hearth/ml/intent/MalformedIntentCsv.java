package io.hearth.ml.intent;

/**
 * A labelled-examples file that cannot be read. {@code record} is the 1-based CSV record (the header
 * is 1) and {@code field} the column at fault, so the server can answer with a problem naming both.
 */
public final class MalformedIntentCsv extends IllegalArgumentException {

    private final int record;
    private final String field;

    public MalformedIntentCsv(int record, String field, String message) {
        super("record " + record + ", " + field + ": " + message);
        this.record = record;
        this.field = field;
    }

    public int record() {
        return record;
    }

    public String field() {
        return field;
    }
}
