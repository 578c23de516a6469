package io.hearth.ingestion.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** ISO-8601 timestamps as the Segment spec sends them; a time without offset is taken as UTC. */
final class Timestamps {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final long SECONDS_PER_DAY = 86_400;
    private static volatile Formatted lastFormatted = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

    private Timestamps() {}

    static @Nullable Instant parse(@Nullable JsonNode value, String pointer, Violations violations) {
        if (value == null || value.isNull()) {
            return null;
        }
        Instant parsed = value.isString() ? parse(value.stringValue().trim()) : null;
        if (parsed == null || parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            violations.add("invalid-timestamp", pointer, "must be an ISO-8601 date-time such as 2026-11-24T10:15:30Z");
            return null;
        }
        return parsed;
    }

    /**
     * As {@link Instant#toString()}, without a formatter for the years clients send; the last one is
     * kept, since a batch's events share their arrival time and often their timestamps.
     */
    static String format(Instant instant) {
        Formatted last = lastFormatted;
        if (last.instant().equals(instant)) {
            return last.text();
        }
        String text = formatCommon(instant);
        lastFormatted = new Formatted(instant, text);
        return text;
    }

    private record Formatted(Instant instant, String text) {}

    private static String formatCommon(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            return instant.toString();
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(30);
        text.append(date.getYear()).append('-');
        twoDigits(text, date.getMonthValue()).append('-');
        twoDigits(text, date.getDayOfMonth()).append('T');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        twoDigits(text, secondOfDay % 60);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                padded(text, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                padded(text, nanos / 1000, 6);
            } else {
                padded(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void padded(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }

    private static @Nullable Instant parse(String text) {
        Instant common = parseCommon(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    /**
     * The shape nearly every client sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM)}, read
     * without a formatter or exceptions; anything else (or out of range) is null and left to the
     * formatters, so what is accepted does not change.
     */
    static @Nullable Instant parseCommon(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && isAsciiDigit(text.charAt(at)) && at - start < 9) {
                nanos = nanos * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (at == start || (at < length && isAsciiDigit(text.charAt(at)))) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == NO_OFFSET) {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY
                + hour * 3600L
                + minute * 60L
                + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** {@code Z} or {@code +HH:MM} ending the text at {@code at}. */
    private static int offsetSeconds(String text, int at) {
        int length = text.length();
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        char sign = at == length - 6 ? text.charAt(at) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return NO_OFFSET;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return NO_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
