package io.hearth.predictions;

import java.util.List;
import java.util.Optional;

/**
 * How well the serving versions' predictions matched what happened after their training cut-offs.
 *
 * @param lifetimeValueVersion the CLV version the purchases table belongs to; empty without one
 * @param purchases mean holdout purchases per calibration-frequency group (7 = 7 and more)
 * @param churnVersion the churn version the risk table belongs to; empty without one
 * @param churn predicted risk against the observed churn rate per decile of the backtest
 */
public record ModelCalibration(
        Optional<String> lifetimeValueVersion,
        List<PurchasesRow> purchases,
        Optional<String> churnVersion,
        List<RiskBin> churn) {

    public ModelCalibration {
        purchases = List.copyOf(purchases);
        churn = List.copyOf(churn);
    }

    public record PurchasesRow(int frequency, long customers, double actualMean, double predictedMean) {}

    public record RiskBin(double meanPredicted, double observedRate, long customers) {}
}
