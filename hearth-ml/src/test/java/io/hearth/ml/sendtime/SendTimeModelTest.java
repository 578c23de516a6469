package io.hearth.ml.sendtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTimeModelTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** {@code count} events on Tuesdays/Saturdays at the given local hour, in consecutive weeks. */
    private static List<Instant> at(DayOfWeek day, int hour, int count) {
        List<Instant> events = new ArrayList<>();
        ZonedDateTime first = ZonedDateTime.of(2024, 1, 1, hour, 10, 0, 0, ZONE).with(day);
        for (int week = 0; week < count; week++) {
            events.add(first.plusWeeks(week).toInstant());
        }
        return events;
    }

    @Test
    void thinHistoriesFollowThePopulationAndRichOnesTheirOwnHabit() {
        List<Instant> population = new ArrayList<>(at(DayOfWeek.TUESDAY, 10, 500));
        population.addAll(at(DayOfWeek.THURSDAY, 19, 200));
        SendTimeModel model = SendTimeModel.fit(population, 10, ZONE);

        SendTime unknown = model.recommend("new", List.of());
        SendTime thin = model.recommend("thin", at(DayOfWeek.SATURDAY, 20, 1));
        SendTime rich = model.recommend("rich", at(DayOfWeek.SATURDAY, 20, 30));

        assertThat(unknown.day()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(unknown.hour()).isEqualTo(10);
        assertThat(unknown.ownWeight()).isZero();
        assertThat(thin.hourOfWeek()).isEqualTo(unknown.hourOfWeek());
        assertThat(rich.day()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(rich.hour()).isEqualTo(20);
        assertThat(rich.ownWeight()).isGreaterThan(0.7);
    }

    @Test
    void smoothingWrapsAroundTheWeekAndKeepsTheTotal() {
        double[] shares = new double[SendTimeModel.HOURS];
        shares[0] = 1;
        double[] smoothed = SendTimeModel.smooth(shares);
        assertThat(smoothed[SendTimeModel.HOURS - 1]).isEqualTo(0.25);
        assertThat(smoothed[0]).isEqualTo(0.5);
        assertThat(smoothed[1]).isEqualTo(0.25);
        assertThat(Collections.max(List.of(smoothed[2], smoothed[100]))).isZero();
    }
}
