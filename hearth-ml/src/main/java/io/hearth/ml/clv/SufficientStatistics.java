package io.hearth.ml.clv;

/**
 * The three numbers BG/NBD and Pareto/NBD need about a customer in the calibration window.
 *
 * @param frequency number of repeat transactions {@code x} (purchases after the first)
 * @param recency time of the last purchase {@code t_x}, measured from the first purchase, in periods
 * @param age time from the first purchase to the end of calibration {@code T}, in periods
 */
public record SufficientStatistics(int frequency, double recency, double age) {

    /** Validates {@code 0 <= t_x <= T} and that a customer without repeats has {@code t_x = 0}. */
    public SufficientStatistics {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, got " + frequency);
        }
        if (!(recency >= 0 && recency <= age) || !Double.isFinite(age)) {
            throw new IllegalArgumentException("need 0 <= recency <= age, got recency=" + recency + " age=" + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency must be 0 without repeat transactions, got " + recency);
        }
    }
}
