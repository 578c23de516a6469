package io.hearth.ml.clv;

/** Length of the time unit in which recency, age and forecast horizons are expressed. */
public enum PeriodUnit {
    /** One period per calendar day. */
    DAYS(1),
    /** Seven-day periods, as in the CDNOW literature. */
    WEEKS(7);

    private final int days;

    PeriodUnit(int days) {
        this.days = days;
    }

    /** Number of days in one period. */
    public int days() {
        return days;
    }

    /** Converts a whole number of days into (possibly fractional) periods. */
    public double fromDays(long dayCount) {
        return (double) dayCount / days;
    }
}
