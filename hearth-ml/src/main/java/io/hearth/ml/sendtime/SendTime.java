package io.hearth.ml.sendtime;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The recommended hour of the week to send to a customer.
 *
 * @param customerId the customer
 * @param day day of the week, in the model's zone
 * @param hour hour of the day, 0–23, in the model's zone
 * @param probability posterior share of the customer's engagement in that hour (after smoothing)
 * @param ownWeight weight of the customer's own events against the population, in [0, 1)
 * @param events how many of the customer's own events it rests on
 */
public record SendTime(String customerId, DayOfWeek day, int hour, double probability, double ownWeight, int events) {

    /** Validates the fields. */
    public SendTime {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(day, "day is null");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0..23, got " + hour);
        }
    }

    /** 0 (Monday 00:00) to 167 (Sunday 23:00). */
    public int hourOfWeek() {
        return (day.getValue() - 1) * 24 + hour;
    }

    /** The hour of the week of an instant in a zone, numbered as {@link #hourOfWeek()}. */
    public static int hourOfWeek(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }
}
