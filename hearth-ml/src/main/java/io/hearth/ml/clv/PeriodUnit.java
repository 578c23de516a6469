package io.hearth.ml.clv;

/** Length of the time unit in which recency, age and forecast horizons are expressed. */
public enum PeriodUnit {
    /** One period per calendar day. */
    DAYS(1, 30.0),
    /** Seven-day periods, as in the CDNOW literature. */
    WEEKS(7, 4.345);

    private final int days;
    private final double periodsPerMonth;

    PeriodUnit(int days, double periodsPerMonth) {
        this.days = days;
        this.periodsPerMonth = periodsPerMonth;
    }

    /**
     * Periods in one month for discounting: 30 days or 4.345 weeks, the figures the {@code lifetimes}
     * library uses, so lifetime values are comparable with it.
     */
    public double periodsPerMonth() {
        return periodsPerMonth;
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
