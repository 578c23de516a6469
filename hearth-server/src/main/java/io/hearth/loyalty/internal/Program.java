package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.Reward;
import io.hearth.loyalty.RulesVersion;
import io.hearth.loyalty.Tier;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The program's definition: earn rules, tiers, rewards. */
@Service
public class Program {

    private final RuleStore rules;
    private final TierStore tiers;
    private final RewardStore rewards;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Program(RuleStore rules, TierStore tiers, RewardStore rewards, TransactionTemplate transactions, Clock clock) {
        this.rules = rules;
        this.tiers = tiers;
        this.rewards = rewards;
        this.transactions = transactions;
        this.clock = clock;
    }

    public RulesVersion currentRules(TenantId tenant) {
        return TenantContext.call(tenant, () -> rules.current(tenant));
    }

    public Optional<RulesVersion> rulesVersion(TenantId tenant, int version) {
        return TenantContext.call(tenant, () -> rules.version(tenant, version));
    }

    public List<RulesVersion> rulesVersions(TenantId tenant) {
        return TenantContext.call(tenant, () -> rules.versions(tenant));
    }

    public RulesVersion saveRules(TenantId tenant, EarnRules earnRules, String actor) {
        if (!earnRules.problems().isEmpty()) {
            throw new HearthProblem(LoyaltyProblem.INVALID_RULES, "The earn rules are not valid", earnRules.problems());
        }
        try {
            return TenantContext.call(tenant, () -> rules.save(tenant, earnRules, actor, clock.instant()));
        } catch (DuplicateKeyException raced) {
            // Another save took the next version number at the same moment: this one takes the one after.
            return TenantContext.call(tenant, () -> rules.save(tenant, earnRules, actor, clock.instant()));
        }
    }

    public List<Tier> tiers(TenantId tenant) {
        return TenantContext.call(tenant, () -> tiers.tiers(tenant));
    }

    public List<Tier> saveTiers(TenantId tenant, List<Tier> definition) {
        TenantContext.run(tenant, () -> transactions.executeWithoutResult(status -> tiers.replace(tenant, definition)));
        return tiers(tenant);
    }

    public List<Reward> rewards(TenantId tenant) {
        return TenantContext.call(tenant, () -> rewards.rewards(tenant));
    }

    public Reward saveReward(TenantId tenant, Reward reward) {
        TenantContext.run(tenant, () -> rewards.save(tenant, reward, clock.instant()));
        return reward;
    }
}
