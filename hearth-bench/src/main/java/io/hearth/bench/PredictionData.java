package io.hearth.bench;

import io.hearth.ml.churn.Order;
import io.hearth.ml.clv.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Reads CDNOW and Online Retail from {@code ../shared/data} for {@link PredictionBenchmark}. */
final class PredictionData {

    private static final DateTimeFormatter RETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PredictionData() {}

    static Path root() {
        return Path.of("../shared/data").toAbsolutePath().normalize();
    }

    /** CDNOW rows as transactions: the sample has {@code master_id sample_id date cds dollars}. */
    static List<Transaction> cdnow(String file, int headerLines, int dateColumn, int amountColumn) throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("cdnow").resolve(file));
        List<Transaction> transactions = new ArrayList<>(lines.size());
        for (String line : lines.subList(headerLines, lines.size())) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                String[] fields = trimmed.split(" +");
                transactions.add(new Transaction(
                        fields[0],
                        LocalDate.parse(fields[dateColumn], DateTimeFormatter.BASIC_ISO_DATE),
                        Double.parseDouble(fields[amountColumn])));
            }
        }
        return transactions;
    }

    /** Online Retail invoices with a customer, one order (or refund) per invoice. */
    static List<Order> retailOrders() throws IOException {
        Map<String, List<String[]>> invoices = new LinkedHashMap<>();
        Path file = root().resolve("online-retail/online_retail_combined.csv.gz");
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                String[] fields = fields(row);
                if (fields.length >= 8 && !fields[6].isEmpty()) {
                    invoices.computeIfAbsent(fields[0], invoice -> new ArrayList<>())
                            .add(fields);
                }
            }
        }
        List<Order> orders = new ArrayList<>(invoices.size());
        invoices.forEach((invoice, lines) -> orders.add(order(invoice, lines)));
        return orders;
    }

    private static Order order(String invoice, List<String[]> lines) {
        String[] first = lines.getFirst();
        String customer = Long.toString((long) Double.parseDouble(first[6]));
        Instant at = LocalDateTime.parse(first[4], RETAIL_TIME).toInstant(ZoneOffset.UTC);
        double amount = 0;
        Set<String> products = new LinkedHashSet<>();
        for (String[] line : lines) {
            amount += Math.abs(Double.parseDouble(line[3]) * Double.parseDouble(line[5]));
            products.add(line[1]);
        }
        return invoice.startsWith("C")
                ? Order.refund(customer, at, amount)
                : Order.purchase(customer, at, amount, List.copyOf(products));
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
