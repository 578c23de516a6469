package io.hearth.ml.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Locates and parses the CDNOW files from the shared data folder next to the project. */
final class CdnowData {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    static final double HOLDOUT_WEEKS = 39;

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private CdnowData() {}

    /** {@code <project root>/../shared/data/cdnow}, where the root is the nearest ancestor holding mvnw. */
    static Path directory() {
        Path current = Path.of("").toAbsolutePath();
        while (current != null && !Files.exists(current.resolve("mvnw"))) {
            current = current.getParent();
        }
        Path root = current != null ? current : Path.of("").toAbsolutePath();
        return root.resolve("../shared/data/cdnow").normalize();
    }

    static Path sampleFile() {
        return directory().resolve("CDNOW_sample.txt");
    }

    static Path masterFile() {
        return directory().resolve("CDNOW_master.txt");
    }

    /** Sample rows: {@code master_id sample_id date cds dollars}, no header; customers keyed by master id. */
    static List<Transaction> readSample() throws IOException {
        return read(sampleFile(), 0, 0, 2, 4);
    }

    /** Master rows: {@code customer_id date cds dollars} after one header line. */
    static List<Transaction> readMaster() throws IOException {
        return read(masterFile(), 1, 0, 1, 3);
    }

    private static List<Transaction> read(Path file, int headerLines, int idColumn, int dateColumn, int amountColumn)
            throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Transaction> transactions = new ArrayList<>(lines.size());
        for (String line : lines.subList(headerLines, lines.size())) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split(" +");
            transactions.add(new Transaction(
                    fields[idColumn],
                    LocalDate.parse(fields[dateColumn], BASIC_DATE),
                    Double.parseDouble(fields[amountColumn])));
        }
        return transactions;
    }

    static CustomerSummaryBuilder weeklyBuilder() {
        return new CustomerSummaryBuilder(CALIBRATION_END, HOLDOUT_END, PeriodUnit.WEEKS);
    }
}
