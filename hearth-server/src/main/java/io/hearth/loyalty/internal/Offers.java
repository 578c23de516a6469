package io.hearth.loyalty.internal;

import io.hearth.loyalty.RewardOffer;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import org.springframework.stereotype.Component;

/** The rewards one member may redeem: active, allowed by their tier, marked when their points cover them. */
@Component
public class Offers {

    private final RewardStore rewards;
    private final Lookups lookups;
    private final AccountStore accounts;

    Offers(RewardStore rewards, Lookups lookups, AccountStore accounts) {
        this.rewards = rewards;
        this.lookups = lookups;
        this.accounts = accounts;
    }

    public java.util.List<RewardOffer> offers(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> {
            long available = accounts.balance(tenant, customer)
                    .map(balance -> balance.available())
                    .orElse(0L);
            return rewards.rewards(tenant).stream()
                    .filter(reward -> lookups.eligible(tenant, customer, reward))
                    .map(reward -> new RewardOffer(reward, available >= reward.cost()))
                    .toList();
        });
    }
}
