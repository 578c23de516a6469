package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyRunsTest {

    @Test
    void theLongestRunOfWeeksWithAVisitCountsForTheMonthOfEachWeeksThursday() {
        var months = ChallengeFigures.weeklyRuns(List.of(
                // October 2026: weeks of Mon 5, 12 and 26 (19 missed), two visits in the first week
                Instant.parse("2026-10-05T09:00:00Z"),
                Instant.parse("2026-10-08T18:00:00Z"),
                Instant.parse("2026-10-13T09:00:00Z"),
                Instant.parse("2026-10-27T09:00:00Z"),
                // Mon 30 November to Sun 6 December: its Thursday is 3 December
                Instant.parse("2026-11-30T09:00:00Z"),
                Instant.parse("2026-12-07T09:00:00Z")));

        assertThat(months)
                .containsEntry(YearMonth.of(2026, 10), 2.0)
                .containsEntry(YearMonth.of(2026, 12), 2.0)
                .doesNotContainKey(YearMonth.of(2026, 11));
    }

    @Test
    void aRunDoesNotCarryAcrossTheEndOfAMonth() {
        var months = ChallengeFigures.weeklyRuns(List.of(
                Instant.parse("2026-11-16T09:00:00Z"),
                Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-30T09:00:00Z")));

        assertThat(months).containsEntry(YearMonth.of(2026, 11), 2.0).containsEntry(YearMonth.of(2026, 12), 1.0);
    }
}
