package io.hearth.ml.seasonality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonalityTest {

    private static final Instant START = Instant.parse("2024-01-01T12:00:00Z");

    @Test
    void weekendShoppersGetWeekendIndicesAndAFlatYearIsNearOne() {
        List<Instant> events = new ArrayList<>();
        for (int day = 0; day < 364; day++) {
            Instant at = START.plus(Duration.ofDays(day));
            DayOfWeek weekday = LocalDate.ofInstant(at, ZoneOffset.UTC).getDayOfWeek();
            int count = weekday == DayOfWeek.SATURDAY ? 3 : 1;
            for (int i = 0; i < count; i++) {
                events.add(at);
            }
        }
        SeasonalProfile profile = Seasonality.profile(events, ZoneOffset.UTC);

        // 9 events a week: Saturday has 3 of them, 3 / (9/7) = 2.33 times an average day.
        assertThat(profile.dayOfWeek()[5]).isCloseTo(3 / (9 / 7.0), within(1e-9));
        assertThat(profile.dayOfWeek()[0]).isCloseTo(1 / (9 / 7.0), within(1e-9));
        assertThat(profile.hourOfDay()[12]).isCloseTo(24, within(1e-9));
        assertThat(profile.month()[2]).isCloseTo(1, within(0.05));
        assertThat(profile.dayIndex(LocalDate.of(2024, 3, 9))).isGreaterThan(2.2);
    }

    @Test
    void warnsWhenASteadyCustomerFallsSilentButNotWithinTheirRhythm() {
        EarlyWarning warning = new EarlyWarning(0.05);
        List<Instant> weekly = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            weekly.add(START.plus(Duration.ofDays(7L * k)));
        }
        Instant last = weekly.getLast();

        assertThat(warning.rhythmBreak("ada", weekly, last.plus(Duration.ofDays(8)), 1))
                .isEmpty();
        RhythmBreak silence = warning.rhythmBreak("ada", weekly, last.plus(Duration.ofDays(21)), 1)
                .orElseThrow();
        assertThat(silence.typicalIntervalDays()).isCloseTo(7, within(0.01));
        assertThat(silence.probability()).isLessThan(0.05);
        assertThat(warning.rhythmBreak("ada", weekly, last.plus(Duration.ofDays(21)), 0.25))
                .as("a quarter of the usual activity in the season makes 21 days plausible")
                .isEmpty();
        assertThat(warning.rhythmBreak("new", weekly.subList(0, 3), last.plus(Duration.ofDays(90)), 1))
                .isEmpty();
    }

    @Test
    void flagsABurstOfFailedDeliveriesAgainstTheirBaseline() {
        EarlyWarning warning = new EarlyWarning(0.01);
        Instant now = START.plus(Duration.ofDays(60));
        List<Instant> failures = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            failures.add(START.plus(Duration.ofDays(10L * k)));
        }
        assertThat(warning.signalAnomaly("delivery_failed", failures, now, Duration.ofDays(1), Duration.ofDays(59)))
                .isEmpty();
        for (int k = 1; k <= 5; k++) {
            failures.add(now.minus(Duration.ofHours(k)));
        }
        SignalAnomaly burst = warning.signalAnomaly(
                        "delivery_failed", failures, now, Duration.ofDays(1), Duration.ofDays(59))
                .orElseThrow();
        assertThat(burst.recentCount()).isEqualTo(5);
        assertThat(burst.expectedCount()).isCloseTo(4.5 / 59, within(1e-9));
        assertThat(EarlyWarning.poissonTail(0, 2)).isEqualTo(1);
        assertThat(EarlyWarning.poissonTail(1, 2)).isCloseTo(1 - Math.exp(-2), within(1e-12));
    }
}
