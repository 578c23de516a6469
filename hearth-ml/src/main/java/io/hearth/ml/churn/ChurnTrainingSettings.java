package io.hearth.ml.churn;

/**
 * Hyper-parameters of churn training.
 *
 * @param rounds boosting rounds
 * @param maxDepth maximum depth of each tree
 * @param learningRate shrinkage per round (XGBoost's eta)
 * @param calibrationShare share of customers held out of boosting to fit the isotonic calibration
 * @param seed seed of the held-out split and of XGBoost's row and column sampling
 */
public record ChurnTrainingSettings(int rounds, int maxDepth, double learningRate, double calibrationShare, long seed) {

    /** Settings that did well on the online-retail backtest without tuning per shop. */
    public static ChurnTrainingSettings defaults() {
        return new ChurnTrainingSettings(200, 3, 0.05, 0.25, 42);
    }

    /** Validates the fields. */
    public ChurnTrainingSettings {
        if (rounds < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("rounds and maxDepth must be at least 1");
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (!(calibrationShare > 0 && calibrationShare < 1)) {
            throw new IllegalArgumentException("calibrationShare must be in (0, 1), got " + calibrationShare);
        }
    }
}
