package io.hearth.recommendations;

import static java.util.Objects.requireNonNull;

/**
 * How one strategy's items did online: impressions (items shown), clicks and conversions attributed
 * through the recommendation id, and their rates per impression.
 */
public record StrategyPerformance(
        Strategy strategy,
        long impressions,
        long clicks,
        long conversions,
        double clickThroughRate,
        double conversionRate) {

    public StrategyPerformance {
        requireNonNull(strategy, "strategy is null");
    }

    public static StrategyPerformance of(Strategy strategy, long impressions, long clicks, long conversions) {
        double shown = Math.max(1, impressions);
        return new StrategyPerformance(strategy, impressions, clicks, conversions, clicks / shown, conversions / shown);
    }
}
