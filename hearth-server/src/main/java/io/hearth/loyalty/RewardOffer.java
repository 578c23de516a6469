package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

/** A reward as offered to one member: their tier allows it; {@code affordable} when their points cover it. */
public record RewardOffer(Reward reward, boolean affordable) {

    public RewardOffer {
        requireNonNull(reward, "reward is null");
    }
}
