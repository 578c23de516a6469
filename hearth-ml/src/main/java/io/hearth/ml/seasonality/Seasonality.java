package io.hearth.ml.seasonality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;

/** Builds {@link SeasonalProfile}s from event times; call it once per segment with that segment's events. */
public final class Seasonality {

    private Seasonality() {}

    /** The profile of events, counted in the shop's zone over the days from the first event to the last. */
    public static SeasonalProfile profile(Collection<Instant> events, ZoneId zone) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("need at least one event");
        }
        double[] weekday = new double[7];
        double[] hour = new double[24];
        double[] month = new double[12];
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (Instant at : events) {
            ZonedDateTime local = at.atZone(zone);
            weekday[local.getDayOfWeek().getValue() - 1]++;
            hour[local.getHour()]++;
            month[local.getMonthValue() - 1]++;
            first = local.toLocalDate().isBefore(first) ? local.toLocalDate() : first;
            last = local.toLocalDate().isAfter(last) ? local.toLocalDate() : last;
        }
        double[] weekdayDays = new double[7];
        double[] monthDays = new double[12];
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            weekdayDays[day.getDayOfWeek().getValue() - 1]++;
            monthDays[day.getMonthValue() - 1]++;
        }
        double days = weekdayDays[0]
                + weekdayDays[1]
                + weekdayDays[2]
                + weekdayDays[3]
                + weekdayDays[4]
                + weekdayDays[5]
                + weekdayDays[6];
        double perDay = events.size() / days;
        return new SeasonalProfile(
                indices(weekday, weekdayDays, perDay),
                indices(hour, filled(24, days), perDay),
                indices(month, monthDays, perDay),
                events.size());
    }

    /** Observed over expected counts, where expected is the flat rate times the exposure of the bin. */
    private static double[] indices(double[] counts, double[] exposure, double ratePerExposure) {
        double[] indices = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            indices[i] = exposure[i] == 0 ? Double.NaN : counts[i] / (exposure[i] * ratePerExposure);
        }
        return indices;
    }

    /** Every hour of the day is exposed on every day: 1/24 of the daily rate each. */
    private static double[] filled(int bins, double days) {
        double[] exposure = new double[bins];
        Arrays.fill(exposure, days / bins);
        return exposure;
    }
}
