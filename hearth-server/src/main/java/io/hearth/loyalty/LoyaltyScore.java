package io.hearth.loyalty;

/**
 * A 0–100 score of how loyal a member is now, recomputed from current data on every read: each
 * component is 0–1 and the score is their weighted sum.
 */
public record LoyaltyScore(
        double score, double recency, double frequency, double spend, double engagement, double reviews) {}
