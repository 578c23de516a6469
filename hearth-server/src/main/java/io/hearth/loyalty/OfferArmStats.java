package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * How one offer type has done so far: what the bandit offered and what members did with it.
 *
 * @param offers offers of this arm made so far
 * @param responses offers with a response (a voucher redeemed, or one posted)
 * @param rewardSum the sum of the responses' rewards (each 0 to 1)
 * @param meanReward {@code rewardSum / responses}, 0 while there is no response
 */
public record OfferArmStats(OfferArm arm, long offers, long responses, double rewardSum, double meanReward) {

    public OfferArmStats {
        requireNonNull(arm, "arm is null");
    }
}
