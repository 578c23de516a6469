package io.hearth.bench;

import io.hearth.ml.churn.Order;
import io.hearth.ml.clv.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads CDNOW and Online Retail from {@code ../shared/data} for {@link PredictionBenchmark}. */
final class PredictionData {

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
        OnlineRetailCsv.forEachRowWithCustomer(
                file,
                fields -> invoices.computeIfAbsent(fields[OnlineRetailCsv.INVOICE], invoice -> new ArrayList<>())
                        .add(fields));
        List<Order> orders = new ArrayList<>(invoices.size());
        invoices.forEach((invoice, lines) -> orders.add(order(invoice, lines)));
        return orders;
    }

    private static Order order(String invoice, List<String[]> lines) {
        String[] first = lines.getFirst();
        String customer = Long.toString((long) Double.parseDouble(first[6]));
        Instant at = OnlineRetailCsv.at(first);
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
}
