package io.hearth.ingestion.internal.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads typed values out of a row; a value that cannot be read rejects the row, naming the column. */
final class Fields {

    private static final DateTimeFormatter SPACED_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Fields() {}

    static String required(SourceRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new RowRejected(column, "is empty");
        }
        return value;
    }

    static Optional<String> optional(SourceRow row, String column) {
        String value = row.get(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static BigDecimal decimal(SourceRow row, String column) {
        String value = required(row, column);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RowRejected(column, "is not a number: " + abbreviated(value));
        }
    }

    static Optional<BigDecimal> optionalDecimal(SourceRow row, String column) {
        return optional(row, column).map(value -> decimal(row, column));
    }

    /** A whole number, also when written with a zero fraction ({@code 6.0}). */
    static long wholeNumber(SourceRow row, String column) {
        BigDecimal value = decimal(row, column);
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejected(column, "is not a whole number: " + abbreviated(row.get(column)));
        }
    }

    /** {@code 2011-12-09 12:50:00}, {@code 2011-12-09T12:50:00} (taken as UTC) or with an offset. */
    static Instant dateTime(SourceRow row, String column) {
        String value = required(row, column);
        try {
            if (value.length() > 10 && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value, SPACED_DATE_TIME).toInstant(ZoneOffset.UTC);
            }
            return parseIso(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "is not a date-time such as 2011-12-09 12:50:00: " + abbreviated(value));
        }
    }

    private static Instant parseIso(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        }
    }

    /** {@code 19970101}, as midnight UTC. */
    static Instant basicDate(SourceRow row, String column) {
        String value = required(row, column);
        try {
            return LocalDate.parse(value, BASIC_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "is not a date such as 19970101: " + abbreviated(value));
        }
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
