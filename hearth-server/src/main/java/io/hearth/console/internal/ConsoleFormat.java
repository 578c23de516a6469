package io.hearth.console.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How the console writes times, amounts and lists: UTC, two decimals, and a dash for nothing. */
final class ConsoleFormat {

    static final String NOTHING = "–";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ConsoleFormat() {}

    static String time(@Nullable Instant instant) {
        return instant == null ? NOTHING : TIME.format(instant);
    }

    static String money(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) {
            return NOTHING;
        }
        String figure = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return currency == null ? figure : figure + " " + currency;
    }

    static String list(Collection<String> values) {
        return values.isEmpty() ? NOTHING : String.join(", ", values);
    }

    /** Counts largest first, as {@code email 3, web 1}. */
    static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return NOTHING;
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    static String text(@Nullable Object value) {
        return value == null ? NOTHING : value.toString();
    }
}
