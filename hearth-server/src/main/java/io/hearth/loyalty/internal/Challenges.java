package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.loyalty.ChallengeCompleted;
import io.hearth.loyalty.ChallengeProgress;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.internal.ChallengeStore.StoredTarget;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Monthly spend challenges with per-member targets. Reading a member's challenges sets missing
 * targets, measures this month's spend from their orders, and awards the points of every challenge
 * reached (once per month, through the ledger), publishing {@link ChallengeCompleted}.
 */
@Service
public class Challenges {

    private final ChallengeStore store;
    private final ChallengeTargets targets;
    private final ProfileManagement profiles;
    private final ChallengeAwards awards;
    private final Clock clock;

    Challenges(
            ChallengeStore store,
            ChallengeTargets targets,
            ProfileManagement profiles,
            ChallengeAwards awards,
            Clock clock) {
        this.store = store;
        this.targets = targets;
        this.profiles = profiles;
        this.awards = awards;
        this.clock = clock;
    }

    public Challenge save(TenantId tenant, Challenge challenge) {
        TenantContext.run(tenant, () -> store.save(tenant, challenge));
        return challenge;
    }

    public List<Challenge> challenges(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.challenges(tenant, false));
    }

    /**
     * The member's active challenges this month, setting missing targets; with {@code award}, the
     * ones reached are awarded (the order listener does this; reading does not).
     */
    public List<ChallengeProgress> progress(TenantId tenant, CustomerId customer, boolean award) {
        List<Challenge> active = TenantContext.call(tenant, () -> store.challenges(tenant, true));
        if (active.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<CustomerOrder> orders = profiles.orders(tenant, customer);
        BigDecimal spent = spentIn(orders, period);
        List<ChallengeProgress> progress = new ArrayList<>();
        for (Challenge challenge : active) {
            StoredTarget target = targets.target(tenant, challenge, customer, orders, now);
            boolean reached = spent.compareTo(target.target()) >= 0;
            boolean completed = reached
                    && (award
                            ? awards.award(tenant, customer, challenge, period.toString(), target.target())
                            : awards.awarded(tenant, customer, challenge, period.toString()));
            progress.add(new ChallengeProgress(
                    challenge,
                    period.toString(),
                    target.target(),
                    target.probability(),
                    target.typical(),
                    spent,
                    completed));
        }
        return progress;
    }

    private static BigDecimal spentIn(List<CustomerOrder> orders, YearMonth period) {
        return orders.stream()
                .filter(order -> order.placedAt() != null && order.total() != null)
                .filter(order -> order.status() != OrderStatus.REFUNDED && order.status() != OrderStatus.CANCELLED)
                .filter(order ->
                        YearMonth.from(order.placedAt().atZone(ZoneOffset.UTC)).equals(period))
                .map(CustomerOrder::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Idempotency key(Challenge challenge, String period, CustomerId customer) {
        return new Idempotency("challenge:" + challenge.challengeId() + ":" + period + ":" + customer, "challenge");
    }
}
