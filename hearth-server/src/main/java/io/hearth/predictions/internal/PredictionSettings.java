package io.hearth.predictions.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the predictions module.
 *
 * @param horizonMonths months over which lifetime value and expected purchases are forecast
 * @param monthlyDiscountRate discount rate per month applied to lifetime value
 * @param churnHorizon a customer churns when they do not buy within this long
 * @param holdout the end of the training window held out to measure the fitted model (at most a third
 *     of the window)
 * @param minCustomers fewer customers with orders than this and a trained version is not good
 * @param minRepeatBuyers fewer repeat buyers than this and a CLV version is not good
 * @param churnRiskThreshold churn risk above this publishes {@code PredictionChanged(CHURN_RISK)}
 * @param healthAlertBelow health below this publishes {@code PredictionChanged(HEALTH_DROP)}
 * @param replenishmentDueWithin an expected next purchase this close publishes {@code REPLENISHMENT_DUE}
 * @param driftThreshold PSI above this publishes {@code PredictionDriftDetected}
 * @param firstTrainingAfter how long after a tenant's first profile change its first training runs
 * @param retrainEvery how often every tenant with orders is retrained by the durable schedule
 * @param modelRefresh how long a node serves its in-memory version before checking for a newer one
 * @param rescoreBatchLimit profile changes of more customers at once than this (an import) are not
 *     rescored one by one; the sweep after the next durable training rescores them
 * @param rescoreDelay how long changed customers are collected before they are rescored together: a
 *     customer changed several times within it is rescored once
 * @param rescorePendingLimit at most this many customers wait for rescoring on a node; beyond it, changes
 *     are left to the sweep after the next durable training
 */
@ConfigurationProperties("hearth.predictions")
record PredictionSettings(
        @DefaultValue("12") int horizonMonths,
        @DefaultValue("0.01") double monthlyDiscountRate,
        @DefaultValue("P90D") Duration churnHorizon,
        @DefaultValue("P90D") Duration holdout,
        @DefaultValue("20") int minCustomers,
        @DefaultValue("5") int minRepeatBuyers,
        @DefaultValue("0.7") double churnRiskThreshold,
        @DefaultValue("40") double healthAlertBelow,
        @DefaultValue("P3D") Duration replenishmentDueWithin,
        @DefaultValue("0.2") double driftThreshold,
        @DefaultValue("PT10M") Duration firstTrainingAfter,
        @DefaultValue("P1D") Duration retrainEvery,
        @DefaultValue("PT1M") Duration modelRefresh,
        @DefaultValue("200") int rescoreBatchLimit,
        @DefaultValue("PT1S") Duration rescoreDelay,
        @DefaultValue("100000") int rescorePendingLimit) {

    PredictionSettings {
        if (horizonMonths < 1 || horizonMonths > 120) {
            throw new IllegalArgumentException("hearth.predictions.horizon-months must be between 1 and 120");
        }
        if (monthlyDiscountRate < 0 || monthlyDiscountRate >= 1) {
            throw new IllegalArgumentException("hearth.predictions.monthly-discount-rate must be in [0, 1)");
        }
        if (churnRiskThreshold <= 0 || churnRiskThreshold >= 1) {
            throw new IllegalArgumentException("hearth.predictions.churn-risk-threshold must be in (0, 1)");
        }
        if (healthAlertBelow <= 0 || healthAlertBelow >= 100) {
            throw new IllegalArgumentException("hearth.predictions.health-alert-below must be in (0, 100)");
        }
        if (rescoreDelay.isNegative() || rescoreDelay.isZero() || rescorePendingLimit < 1) {
            throw new IllegalArgumentException(
                    "hearth.predictions.rescore-delay must be positive and rescore-pending-limit >= 1");
        }
        if (minCustomers < 2 || minRepeatBuyers < 1 || driftThreshold <= 0) {
            throw new IllegalArgumentException(
                    "hearth.predictions.min-customers must be >= 2, min-repeat-buyers >= 1, drift-threshold > 0");
        }
    }
}
