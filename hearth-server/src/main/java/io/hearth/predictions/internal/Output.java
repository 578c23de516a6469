package io.hearth.predictions.internal;

/** The scores a port can produce; {@link Scorer} assembles them into {@code CustomerPredictions}. */
enum Output {
    LIFETIME_VALUE,
    PROBABILITY_ALIVE,
    EXPECTED_PURCHASES,
    CHURN_RISK,
    HEALTH,
    NEXT_PURCHASE,
    BEST_SEND_TIME
}
