package io.hearth.ml.clv;

/**
 * What the Gamma-Gamma model sees of a repeat buyer.
 *
 * @param frequency number of repeat transactions {@code x}, at least 1
 * @param meanSpend mean value of those transactions, positive
 */
public record SpendObservation(int frequency, double meanSpend) {

    /** Validates that the customer is a repeat buyer with positive spend. */
    public SpendObservation {
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be >= 1, got " + frequency);
        }
        if (!(meanSpend > 0) || !Double.isFinite(meanSpend)) {
            throw new IllegalArgumentException("meanSpend must be positive and finite, got " + meanSpend);
        }
    }
}
