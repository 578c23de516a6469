package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.BatchReceipt.Rejection;
import io.hearth.ingestion.ImportListener;
import io.hearth.ingestion.ImportReport;
import io.hearth.ingestion.ImportReport.RejectedRow;
import io.hearth.ingestion.StoredEvent;
import io.hearth.ingestion.internal.EventWriter;
import io.hearth.ingestion.internal.EventWriter.ImportedBatch;
import io.hearth.shared.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run over one file: groups rows into orders, stores them a batch at a time, moves the checkpoint
 * after each stored batch, and keeps the counts of the report. Rows of an order usually follow each
 * other, but files joined from several sources interleave them now and then (one invoice of Online
 * Retail does): a row joins its order as long as that order is still in the batch being read.
 */
final class ImportRun {

    private static final Pattern PRODUCT_POINTER = Pattern.compile("^/batch/\\d+/properties/products/(\\d+)/(\\w+)");
    private static final Pattern FIELD_POINTER = Pattern.compile("^/batch/\\d+(?:/properties)?/(\\w+)");

    private final ImportTarget target;
    private final OrderFormat format;
    private final EventWriter writer;
    private final ImportCheckpoints checkpoints;
    private final JsonMapper json;
    private final ImportListener listener;
    private final RejectsFile rejects;
    /** The orders of the batch being read, by order id: a row may join any of them, not just the last. */
    private final Map<String, ImportedOrder> batch = new LinkedHashMap<>();
    /** The orders of the previous batch, to catch rows that come too late to join their order. */
    private final Set<String> previousBatch = new HashSet<>();

    private final List<RejectedRow> firstRejections = new ArrayList<>();
    private long rowsRead;
    private long previousLine;
    private long lastLine;
    private long ordersStored;
    private long refundsStored;
    private long duplicates;
    private long rejected;

    ImportRun(ImportTarget target, ImportServices services, ImportListener listener, RejectsFile rejects) {
        this.target = target;
        this.format = OrderFormat.of(target.request().format());
        this.writer = services.writer();
        this.checkpoints = services.checkpoints();
        this.json = services.json();
        this.listener = listener;
        this.rejects = rejects;
    }

    void accept(SourceRow row) {
        rowsRead++;
        OrderRow order;
        try {
            order = format.read(row);
        } catch (RowRejected e) {
            reject(new RejectedRow(row.line(), e.column(), e.reason()));
            return;
        } finally {
            previousLine = lastLine;
            lastLine = row.line();
        }
        ImportedOrder pending = batch.get(order.orderId());
        if (pending != null) {
            pending.add(order);
            return;
        }
        if (previousBatch.contains(order.orderId())) {
            reject(new RejectedRow(
                    row.line(),
                    format.columnsByField().getOrDefault("order_id", "order_id"),
                    "order " + order.orderId() + " was stored with an earlier batch; an order's rows must be"
                            + " close together"));
            return;
        }
        if (batch.size() >= target.request().batchSize()) {
            storeUpTo(previousLine);
        }
        batch.put(order.orderId(), new ImportedOrder(order));
    }

    /** Every row up to the line is stored or rejected: a resumed run may start after it. */
    private void storeUpTo(long line) {
        store();
        checkpoints.save(target.tenant(), target.key(), line);
        listener.progressed(target.bytesRead(), rowsRead);
    }

    /** Stores what is left and moves the checkpoint to the file's last line. */
    void finish() {
        store();
        if (lastLine > 0) {
            checkpoints.save(target.tenant(), target.key(), lastLine);
        }
    }

    ImportReport report(Duration elapsed) {
        return new ImportReport(
                rowsRead,
                target.resumedAfterLine(),
                ordersStored,
                refundsStored,
                duplicates,
                rejected,
                firstRejections,
                rejects.path().orElse(null),
                elapsed);
    }

    long rowsRead() {
        return rowsRead;
    }

    private void store() {
        if (batch.isEmpty()) {
            return;
        }
        List<ImportedOrder> orders = List.copyOf(batch.values());
        List<ObjectNode> messages = new ArrayList<>(orders.size());
        String formatCode = target.request().format().code();
        for (ImportedOrder order : orders) {
            messages.add(order.writeTo(json.createObjectNode(), formatCode));
        }
        ImportedBatch stored =
                writer.writeImported(target.tenant(), target.request().sourceId(), messages, target.currency());
        for (StoredEvent event : stored.stored()) {
            if (OrderRow.ORDER_REFUNDED.equals(event.event())) {
                refundsStored++;
            } else {
                ordersStored++;
            }
        }
        duplicates += stored.duplicates();
        for (Rejection rejection : stored.rejected()) {
            rejectOrder(orders.get(rejection.index()), rejection);
        }
        previousBatch.clear();
        previousBatch.addAll(batch.keySet());
        batch.clear();
    }

    /** The validator refused a whole order: each of its rows is reported, with its own error if any. */
    private void rejectOrder(ImportedOrder order, Rejection rejection) {
        List<OrderRow> rows = order.rows();
        List<RejectedRow> orderLevel = new ArrayList<>();
        List<RejectedRow> rowLevel = new ArrayList<>();
        for (FieldError error : rejection.errors()) {
            Matcher product = PRODUCT_POINTER.matcher(error.pointer());
            if (product.find()) {
                long line = order.lineOfProduct(Integer.parseInt(product.group(1)));
                rowLevel.add(new RejectedRow(line, column(product.group(2), error), error.detail()));
                continue;
            }
            Matcher field = FIELD_POINTER.matcher(error.pointer());
            String column = field.find() ? column(field.group(1), error) : error.pointer();
            orderLevel.add(new RejectedRow(rows.getFirst().line(), column, error.detail()));
        }
        for (OrderRow row : rows) {
            List<RejectedRow> own = rowLevel.stream()
                    .filter(candidate -> candidate.line() == row.line())
                    .toList();
            RejectedRow reported = own.isEmpty() ? forRow(row, orderLevel, rowLevel) : own.getFirst();
            reject(reported);
        }
    }

    private static RejectedRow forRow(OrderRow row, List<RejectedRow> orderLevel, List<RejectedRow> rowLevel) {
        RejectedRow cause = orderLevel.isEmpty() ? rowLevel.getFirst() : orderLevel.getFirst();
        String reason = "order " + row.orderId() + " rejected: line " + cause.line() + " " + cause.column() + " "
                + cause.reason();
        return new RejectedRow(row.line(), cause.column(), reason);
    }

    private String column(String field, FieldError error) {
        return format.columnsByField().getOrDefault(field, error.pointer().replaceFirst("^/batch/\\d+", ""));
    }

    private void reject(RejectedRow row) {
        rejected++;
        if (firstRejections.size() < ImportReport.LISTED_REJECTIONS) {
            firstRejections.add(row);
        }
        try {
            rejects.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file", e);
        }
    }
}
