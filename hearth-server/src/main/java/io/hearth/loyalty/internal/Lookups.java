package io.hearth.loyalty.internal;

import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.Reward;
import io.hearth.loyalty.Tier;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads a write needs before it takes the member's lock: whose order, which reward, which transaction. */
@Component
class Lookups {

    private final LotStore lots;
    private final RewardStore rewards;
    private final TransactionStore ledger;
    private final TierStore tiers;

    Lookups(LotStore lots, RewardStore rewards, TransactionStore ledger, TierStore tiers) {
        this.lots = lots;
        this.rewards = rewards;
        this.ledger = ledger;
        this.tiers = tiers;
    }

    CustomerId customerOfOrder(TenantId tenant, String orderId) {
        return TenantContext.call(tenant, () -> lots.customerOfOrder(tenant, orderId))
                .orElseThrow(
                        () -> new HearthProblem(LoyaltyProblem.UNKNOWN_ORDER, "No points were earned on this order"));
    }

    LedgerTransaction transaction(TenantId tenant, UUID transactionId) {
        return TenantContext.call(tenant, () -> ledger.byId(tenant, transactionId))
                .orElseThrow(() -> new HearthProblem(LoyaltyProblem.UNKNOWN_TRANSACTION, "No such ledger transaction"));
    }

    /** The reward, when it is active and the member's tier reaches its lowest tier. */
    Reward redeemable(TenantId tenant, CustomerId customer, String rewardId) {
        return TenantContext.call(tenant, () -> {
            Reward reward = rewards.reward(tenant, rewardId)
                    .orElseThrow(() -> new HearthProblem(LoyaltyProblem.UNKNOWN_REWARD, "No reward has this id"));
            if (!eligible(tenant, customer, reward)) {
                throw new HearthProblem(
                        LoyaltyProblem.REWARD_NOT_ELIGIBLE,
                        reward.active()
                                ? "The reward needs tier " + reward.minTier()
                                : "The reward is not offered any more");
            }
            return reward;
        });
    }

    boolean eligible(TenantId tenant, CustomerId customer, Reward reward) {
        if (!reward.active()) {
            return false;
        }
        if (reward.minTier() == null) {
            return true;
        }
        List<Tier> all = tiers.tiers(tenant);
        int needed = rank(all, reward.minTier());
        int have = tiers.memberTier(tenant, customer)
                .map(tier -> rank(all, tier.tier()))
                .orElse(-1);
        return needed >= 0 && have >= needed;
    }

    private static int rank(List<Tier> tiers, String name) {
        for (int i = 0; i < tiers.size(); i++) {
            if (Objects.equals(tiers.get(i).name(), name)) {
                return i;
            }
        }
        return -1;
    }
}
