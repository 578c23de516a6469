package io.hearth.ml.testdata;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The UCI Online Retail invoice lines from {@code ../shared/data/online-retail}, for evaluations.
 * Rows without a customer are dropped; everything else is kept, cancellations included.
 */
public final class OnlineRetail {

    /** The day after the last invoice in the file. */
    public static final Instant END = Instant.parse("2011-12-10T00:00:00Z");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One invoice line; a cancellation has an invoice number starting with C and a negative quantity. */
    public record Line(
            String invoice, String stockCode, double quantity, Instant at, double unitPrice, String customerId) {

        /** Whether this line cancels or refunds goods. */
        public boolean cancellation() {
            return invoice.startsWith("C") || quantity < 0;
        }
    }

    private OnlineRetail() {}

    /** {@code ../shared/data/online-retail/<the gzipped csv>} next to the directory holding mvnw. */
    public static Path file() throws IOException {
        Path directory = SharedDataFolder.path().resolve("online-retail");
        if (!Files.isDirectory(directory)) {
            return directory.resolve("missing.csv.gz");
        }
        try (var files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".csv.gz"))
                    .findFirst()
                    .orElse(directory.resolve("missing.csv.gz"));
        }
    }

    /** Whether the data set is present. */
    public static boolean present() throws IOException {
        return Files.exists(file());
    }

    /** Every line with a customer id, in file (date) order. */
    public static List<Line> lines() throws IOException {
        return lines(file());
    }

    /** As {@link #lines()}, from a given copy of the gzipped CSV. */
    public static List<Line> lines(Path file) throws IOException {
        List<Line> lines = new ArrayList<>(410_000);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                List<String> fields = csvFields(row);
                if (fields.size() < 8 || fields.get(6).isEmpty()) {
                    continue;
                }
                lines.add(new Line(
                        fields.get(0),
                        fields.get(1),
                        Double.parseDouble(fields.get(3)),
                        LocalDateTime.parse(fields.get(4), TIME).toInstant(ZoneOffset.UTC),
                        Double.parseDouble(fields.get(5)),
                        Long.toString((long) Double.parseDouble(fields.get(6)))));
            }
        }
        return lines;
    }

    /** Each stock code's first non-blank description, the product text of the shop's catalogue. */
    public static Map<String, String> descriptions(Path file) throws IOException {
        Map<String, String> descriptions = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                List<String> fields = csvFields(row);
                if (fields.size() >= 3 && !fields.get(2).isBlank()) {
                    descriptions.putIfAbsent(fields.get(1), fields.get(2).strip());
                }
            }
        }
        return descriptions;
    }

    /** Splits one CSV line, honouring double quotes (descriptions may hold commas). */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                boolean escaped = quoted && i + 1 < line.length() && line.charAt(i + 1) == '"';
                if (escaped) {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
