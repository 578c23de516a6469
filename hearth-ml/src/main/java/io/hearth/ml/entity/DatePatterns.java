package io.hearth.ml.entity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in English messages: ISO "2026-03-04", numeric "04/03/2026" or "4.3.26" (day or month first
 * by the shop's setting), "4 March 2026", "4th of March", "March 4th, 2026", "Mar 4", and "today",
 * "yesterday", "tomorrow". Without a year, the date is in the reference year. Impossible dates
 * ("31/02/2026") are not dates.
 */
final class DatePatterns {

    private static final String MONTH =
            "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY =
            Pattern.compile("\\b" + MONTH + "\\.?\\s+" + DAY + "(?:,?\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE =
            Pattern.compile("\\b(today|yesterday|tomorrow)\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> RELATIVE_DAYS = Map.of("today", 0, "yesterday", -1, "tomorrow", 1);

    private final boolean dayFirst;

    DatePatterns(boolean dayFirst) {
        this.dayFirst = dayFirst;
    }

    List<Entity.Date> find(String text, LocalDate today) {
        List<Entity.Date> dates = new ArrayList<>();
        collect(dates, ISO.matcher(text), m -> date(m.group(1), m.group(2), m.group(3)));
        collect(dates, NUMERIC.matcher(text), m -> numeric(m, today));
        collect(dates, DAY_MONTH.matcher(text), m -> named(m.group(3), m.group(2), m.group(1), today));
        collect(dates, MONTH_DAY.matcher(text), m -> named(m.group(3), m.group(1), m.group(2), today));
        collect(
                dates,
                RELATIVE.matcher(text),
                m -> Optional.of(today.plusDays(RELATIVE_DAYS.get(m.group(1).toLowerCase(Locale.ROOT)))));
        return dates;
    }

    private interface Reading {
        Optional<LocalDate> read(Matcher matcher);
    }

    private static void collect(List<Entity.Date> dates, Matcher matcher, Reading reading) {
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            boolean overlaps = dates.stream().anyMatch(d -> start < d.end() && d.start() < end);
            Optional<LocalDate> date = reading.read(matcher);
            if (!overlaps && date.isPresent()) {
                dates.add(new Entity.Date(start, end, matcher.group(), date.get()));
            }
        }
    }

    private Optional<LocalDate> numeric(Matcher matcher, LocalDate today) {
        String first = matcher.group(1);
        String second = matcher.group(2);
        String year = matcher.group(3);
        String fullYear =
                year.length() == 2 ? String.valueOf(today.getYear() / 100 * 100 + Integer.parseInt(year)) : year;
        return dayFirst ? date(fullYear, second, first) : date(fullYear, first, second);
    }

    private static Optional<LocalDate> named(String year, String month, String day, LocalDate today) {
        int monthNumber = monthNumber(month);
        String fullYear = year == null ? String.valueOf(today.getYear()) : year;
        return date(fullYear, String.valueOf(monthNumber), day);
    }

    private static int monthNumber(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                        .indexOf(prefix)
                + 1;
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
