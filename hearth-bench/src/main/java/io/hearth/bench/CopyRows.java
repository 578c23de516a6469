package io.hearth.bench;

import java.io.IOException;
import java.io.Reader;
import java.util.UUID;

/** Streams COPY text rows shaped like Hearth's stored events, without building them all in memory. */
final class CopyRows extends Reader {

    private final EventFactory events;
    private final long rows;
    private final String tenant;
    private final String source;
    private long next;
    private String pending = "";
    private int offset;

    CopyRows(EventFactory events, long rows, String tenant, String source) {
        this.events = events;
        this.rows = rows;
        this.tenant = tenant;
        this.source = source;
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
        if (offset == pending.length()) {
            if (next == rows) {
                return -1;
            }
            pending = row(next++);
            offset = 0;
        }
        int count = Math.min(length, pending.length() - offset);
        pending.getChars(offset, offset + count, buffer, from);
        offset += count;
        return count;
    }

    private String row(long sequence) {
        String payload = events.event(sequence).replace("\\", "\\\\");
        return String.join(
                        "\t",
                        tenant,
                        UUID.randomUUID().toString(),
                        source,
                        "copy-" + sequence,
                        "track",
                        "Product Viewed",
                        "customer-" + (sequence % 50_000),
                        "\\N",
                        "2026-11-24T10:00:00Z",
                        "2026-11-24T10:00:01Z",
                        payload)
                + "\n";
    }

    @Override
    public void close() {}
}
