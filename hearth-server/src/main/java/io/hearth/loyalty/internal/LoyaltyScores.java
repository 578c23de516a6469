package io.hearth.loyalty.internal;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LoyaltyScore;
import io.hearth.profiles.ComputedAttributes;
import org.jspecify.annotations.Nullable;

/**
 * The dynamic loyalty score: recency, frequency and spend from the profile's computed attributes,
 * engagement from its event count, reviews from review bonuses earned. Pure, so it is recomputed on
 * every read from the data as it is then: each interaction changes its inputs, and so its value.
 */
final class LoyaltyScores {

    static final double RECENCY = 0.30;
    static final double FREQUENCY = 0.25;
    static final double SPEND = 0.20;
    static final double ENGAGEMENT = 0.15;
    static final double REVIEWS = 0.10;

    private LoyaltyScores() {}

    static LoyaltyScore score(@Nullable ComputedAttributes computed, Balance balance, long reviews) {
        double recency = computed == null || computed.daysSinceLastOrder() == null
                ? 0
                : Math.exp(-computed.daysSinceLastOrder() / 90.0);
        double frequency = computed == null ? 0 : saturate(computed.ordersCount(), 10);
        double spend = computed == null
                ? saturate(balance.lifetimeEarned(), 2000)
                : Math.min(1, Math.log1p(computed.revenue().doubleValue()) / Math.log1p(2000));
        double engagement = computed == null ? 0 : saturate(computed.eventsCount(), 50);
        double reviewed = saturate(reviews, 3);
        double score = 100
                * (RECENCY * recency
                        + FREQUENCY * frequency
                        + SPEND * spend
                        + ENGAGEMENT * engagement
                        + REVIEWS * reviewed);
        return new LoyaltyScore(
                round(score), round(recency), round(frequency), round(spend), round(engagement), round(reviewed));
    }

    // 1 − e^(−3x/full): about 0.95 at "full", never above 1, so one more order always counts a little.
    private static double saturate(double value, double full) {
        return 1 - Math.exp(-3 * Math.max(0, value) / full);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
