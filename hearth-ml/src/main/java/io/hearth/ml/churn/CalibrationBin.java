package io.hearth.ml.churn;

/**
 * One row of a calibration table: predictions in {@code [lower, upper)} against what happened.
 *
 * @param lower lower edge of the predicted-probability bin
 * @param upper upper edge (the last bin includes 1)
 * @param count predictions in the bin
 * @param meanPredicted mean predicted probability in the bin (NaN when empty)
 * @param observedRate share of positives in the bin (NaN when empty)
 */
public record CalibrationBin(double lower, double upper, int count, double meanPredicted, double observedRate) {}
