package io.hearth.ml.seasonality;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Activity indices of a segment: 1.0 is the average rate, 2.0 twice it. Each index is events in the
 * bin over the events expected if activity were flat over the observed days, so a window that holds
 * three Mondays and two Sundays does not bias the weekday profile.
 *
 * @param dayOfWeek seven indices, Monday first
 * @param hourOfDay 24 indices, midnight first
 * @param month twelve indices, January first; NaN for a month the window never covered
 * @param events events the profile rests on
 */
public record SeasonalProfile(double[] dayOfWeek, double[] hourOfDay, double[] month, int events) {

    /** Validates and copies the arrays. */
    public SeasonalProfile {
        if (dayOfWeek.length != 7 || hourOfDay.length != 24 || month.length != 12) {
            throw new IllegalArgumentException("need 7 weekday, 24 hour and 12 month indices");
        }
        dayOfWeek = dayOfWeek.clone();
        hourOfDay = hourOfDay.clone();
        month = month.clone();
    }

    /** Expected activity of a day relative to an average day (weekday × month, 1 where a month is unknown). */
    public double dayIndex(LocalDate day) {
        double monthIndex = month[day.getMonthValue() - 1];
        return dayOfWeek[day.getDayOfWeek().getValue() - 1] * (Double.isNaN(monthIndex) ? 1 : monthIndex);
    }

    @Override
    public double[] dayOfWeek() {
        return dayOfWeek.clone();
    }

    @Override
    public double[] hourOfDay() {
        return hourOfDay.clone();
    }

    @Override
    public double[] month() {
        return month.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeasonalProfile that
                && events == that.events
                && Arrays.equals(dayOfWeek, that.dayOfWeek)
                && Arrays.equals(hourOfDay, that.hourOfDay)
                && Arrays.equals(month, that.month);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dayOfWeek) + 31 * Arrays.hashCode(month) + events;
    }

    @Override
    public String toString() {
        return "SeasonalProfile[dayOfWeek=" + Arrays.toString(dayOfWeek) + ", month=" + Arrays.toString(month)
                + ", events=" + events + "]";
    }
}
