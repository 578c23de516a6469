package io.hearth.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The one reader of the gzipped UCI Online Retail CSV for {@link RecommendationData} and {@link
 * PredictionData}: the rows that name a customer, as fields, handed over one at a time (the file has
 * half a million rows; the callers keep only what they need).
 */
final class OnlineRetailCsv {

    static final int INVOICE = 0;
    static final int STOCK_CODE = 1;
    static final int QUANTITY = 3;
    static final int INVOICE_DATE = 4;
    static final int UNIT_PRICE = 5;
    static final int CUSTOMER = 6;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailCsv() {}

    /** Every row after the header with all eight fields and a customer id, in file order. */
    static void forEachRowWithCustomer(Path file, Consumer<String[]> row) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = fields(line);
                if (fields.length >= 8 && !fields[CUSTOMER].isEmpty()) {
                    row.accept(fields);
                }
            }
        }
    }

    /** The invoice date of a row, read as UTC. */
    static Instant at(String[] row) {
        return LocalDateTime.parse(row[INVOICE_DATE], TIME).toInstant(ZoneOffset.UTC);
    }

    /** CSV fields with double quotes honoured. */
    private static String[] fields(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
