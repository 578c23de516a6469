package io.hearth.loyalty.internal;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.LoyaltyScore;
import io.hearth.loyalty.TierStatus;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What a member sees: balance, history, tier and progress, score. */
@Service
public class Members {

    private final AccountStore accounts;
    private final TransactionStore ledger;
    private final Tiers tiers;
    private final ProfileManagement profiles;
    private final Clock clock;

    Members(AccountStore accounts, TransactionStore ledger, Tiers tiers, ProfileManagement profiles, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.tiers = tiers;
        this.profiles = profiles;
        this.clock = clock;
    }

    public Balance balance(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> accounts.balance(tenant, customer))
                .orElseGet(() -> Balance.empty(customer));
    }

    public List<LedgerTransaction> history(
            TenantId tenant,
            CustomerId customer,
            int limit,
            @Nullable Instant before,
            java.util.@Nullable UUID beforeId) {
        return TenantContext.call(tenant, () -> ledger.history(tenant, customer, limit, before, beforeId));
    }

    public LedgerTransaction transaction(TenantId tenant, java.util.UUID transactionId) {
        return TenantContext.call(tenant, () -> ledger.byId(tenant, transactionId))
                .orElseThrow(() -> new HearthProblem(LoyaltyProblem.UNKNOWN_TRANSACTION, "No such ledger transaction"));
    }

    public TierStatus tier(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> tiers.status(tenant, customer, clock.instant()));
    }

    /** Whether the id is a customer or has ledger activity; anything else is answered as unknown. */
    boolean known(TenantId tenant, CustomerId customer) {
        return profiles.profile(tenant, customer).isPresent()
                || !history(tenant, customer, 1, null, null).isEmpty();
    }

    /** @throws HearthProblem {@link LoyaltyProblem#UNKNOWN_MEMBER} when the id is not {@link #known}. */
    void requireKnown(TenantId tenant, CustomerId customer) {
        if (!known(tenant, customer)) {
            throw new HearthProblem(LoyaltyProblem.UNKNOWN_MEMBER, "No customer or ledger activity has this id");
        }
    }

    public LoyaltyScore score(TenantId tenant, CustomerId customer) {
        CustomerProfile profile = profiles.profile(tenant, customer).orElse(null);
        long reviews = TenantContext.call(tenant, () -> ledger.bonusCount(tenant, customer, "review_written:%"));
        return LoyaltyScores.score(profile == null ? null : profile.computed(), balance(tenant, customer), reviews);
    }
}
