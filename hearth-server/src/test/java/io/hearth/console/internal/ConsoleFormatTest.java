package io.hearth.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

    @Test
    void amountsHaveTwoDecimalsAndTheirCurrency() {
        assertThat(ConsoleFormat.money(new BigDecimal("100"), "EUR")).isEqualTo("100.00 EUR");
        assertThat(ConsoleFormat.money(new BigDecimal("33.335"), null)).isEqualTo("33.34");
        assertThat(ConsoleFormat.money(null, "EUR")).isEqualTo(ConsoleFormat.NOTHING);
    }

    @Test
    void timesAreUtcToTheSecond() {
        assertThat(ConsoleFormat.time(Instant.parse("2026-03-01T09:05:00.123Z")))
                .isEqualTo("2026-03-01 09:05:00");
        assertThat(ConsoleFormat.time(null)).isEqualTo(ConsoleFormat.NOTHING);
    }

    @Test
    void countsComeLargestFirstThenByName() {
        assertThat(ConsoleFormat.counts(Map.of("web", 1L, "email", 3L, "sms", 1L)))
                .isEqualTo("email 3, sms 1, web 1");
        assertThat(ConsoleFormat.counts(Map.of())).isEqualTo(ConsoleFormat.NOTHING);
    }

    @Test
    void anEmptyListIsADash() {
        assertThat(ConsoleFormat.list(List.of())).isEqualTo(ConsoleFormat.NOTHING);
        assertThat(ConsoleFormat.list(List.of("Garden", "Kitchen"))).isEqualTo("Garden, Kitchen");
    }
}
