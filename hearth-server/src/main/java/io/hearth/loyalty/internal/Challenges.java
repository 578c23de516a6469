package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.loyalty.ChallengeCompleted;
import io.hearth.loyalty.ChallengeProgress;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.internal.ChallengeStore.StoredTarget;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Monthly challenges with per-member targets. Reading a member's challenges sets missing targets,
 * measures this month's figure of each kind ({@link ChallengeFigures}), and awards the points of every challenge
 * reached (once per month, through the ledger), publishing {@link ChallengeCompleted}.
 */
@Service
public class Challenges {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Challenges.class);

    private final ChallengeStore store;
    private final ChallengeTargets targets;
    private final ChallengeFigures figures;
    private final ChallengeAwards awards;
    private final Clock clock;

    Challenges(
            ChallengeStore store,
            ChallengeTargets targets,
            ChallengeFigures figures,
            ChallengeAwards awards,
            Clock clock) {
        this.store = store;
        this.targets = targets;
        this.figures = figures;
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
        return progress(tenant, customer, award, TenantContext.call(tenant, () -> store.challenges(tenant, true)));
    }

    /**
     * Whether the program has an active weekly-visit challenge. From memory ({@link TenantCache}):
     * every stored batch of page views asks, and most programs have none.
     */
    boolean countsVisits(TenantId tenant) {
        return !visitChallenges(tenant).isEmpty();
    }

    /**
     * After a visit of the member: awards the weekly-visit challenges they reached, and only those
     * (the other kinds move with orders, earns and reviews, and measuring them costs reads).
     */
    void advanceVisits(TenantId tenant, CustomerId customer) {
        List<Challenge> visits = visitChallenges(tenant);
        if (!visits.isEmpty()) {
            progress(tenant, customer, true, visits);
        }
    }

    private List<Challenge> visitChallenges(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.challenges(tenant, true)).stream()
                .filter(challenge -> challenge.kind() == Challenge.Kind.WEEKLY_VISITS)
                .toList();
    }

    private List<ChallengeProgress> progress(
            TenantId tenant, CustomerId customer, boolean award, List<Challenge> active) {
        if (active.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Set<Challenge.Kind> kinds = active.stream().map(Challenge::kind).collect(Collectors.toSet());
        ChallengeFigures.Figures figures = this.figures.of(tenant, customer, kinds, period);
        List<ChallengeProgress> progress = new ArrayList<>();
        for (Challenge challenge : active) {
            StoredTarget target =
                    targets.target(tenant, challenge, customer, figures.history(challenge.kind(), period), now);
            BigDecimal reached = figure(challenge, figures.in(challenge.kind(), period));
            boolean completed = reached.compareTo(target.target()) >= 0
                    && (award
                            ? awards.award(tenant, customer, challenge, period.toString(), target.target())
                            : awards.awarded(tenant, customer, challenge, period.toString()));
            progress.add(new ChallengeProgress(
                    challenge,
                    period.toString(),
                    target.target(),
                    target.probability(),
                    target.typical(),
                    reached,
                    completed));
        }
        return progress;
    }

    private static BigDecimal figure(Challenge challenge, double value) {
        return challenge.kind().counted()
                ? BigDecimal.valueOf(Math.round(value))
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * After a movement that may count (an earn on order lines, a review bonus): awards what the member
     * reached. A failure here leaves the movement written; the next one tries again.
     */
    public void advance(TenantId tenant, CustomerId customer) {
        if (TenantContext.call(tenant, () -> store.challenges(tenant, true)).isEmpty()) {
            return;
        }
        try {
            progress(tenant, customer, true);
        } catch (RuntimeException e) {
            LOG.warn("Challenges of member {} of tenant {} not advanced", customer, tenant, e);
        }
    }

    static Idempotency key(Challenge challenge, String period, CustomerId customer) {
        return new Idempotency("challenge:" + challenge.challengeId() + ":" + period + ":" + customer, "challenge");
    }
}
