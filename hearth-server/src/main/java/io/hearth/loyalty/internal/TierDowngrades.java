package io.hearth.loyalty.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Re-evaluates the tier of a member whose grace ended, under their account lock. */
@Component
class TierDowngrades {

    private final TransactionTemplate transactions;
    private final AccountStore accounts;
    private final Tiers tiers;
    private final Duration grace;

    TierDowngrades(TransactionTemplate transactions, AccountStore accounts, Tiers tiers, LoyaltySettings settings) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.tiers = tiers;
        this.grace = settings.tierGrace();
    }

    Duration grace() {
        return grace;
    }

    void evaluate(TenantId tenant, CustomerId customer, Instant now) {
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    accounts.lock(tenant, customer, now);
                    tiers.evaluate(tenant, customer, now);
                }));
    }
}
