package io.hearth.predictions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When a group of customers buys: activity indices of their orders, where 1.0 is the group's average
 * rate and 2.0 twice it (hearth-ml's {@code Seasonality}, UTC). Each index counts orders in the bin
 * over the orders a flat rate would give for the days the window covers.
 *
 * @param segmentId the segment, or null for every customer of the shop
 * @param customers customers whose orders were read
 * @param orders orders (placed, not cancelled) the profile rests on
 * @param dayOfWeek seven indices, Monday first
 * @param hourOfDay 24 indices, midnight UTC first
 * @param month twelve indices, January first; null for a month no order window covered
 */
public record SeasonalityReport(
        @Nullable String segmentId,
        int customers,
        int orders,
        List<Double> dayOfWeek,
        List<Double> hourOfDay,
        List<@Nullable Double> month) {

    public SeasonalityReport {
        dayOfWeek = List.copyOf(dayOfWeek);
        hourOfDay = List.copyOf(hourOfDay);
        month = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(month));
    }
}
