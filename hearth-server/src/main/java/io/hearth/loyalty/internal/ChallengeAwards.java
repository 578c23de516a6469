package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.loyalty.ChallengeCompleted;
import io.hearth.loyalty.internal.Postings.Posted;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Awards a reached challenge once: the budget draw, the ledger transaction and the completion event
 * commit together, under the member's lock and the budget's.
 */
@Component
class ChallengeAwards {

    private final Postings postings;
    private final MemberPoints members;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final TransactionStore ledger;
    private final BudgetStore budgets;

    ChallengeAwards(
            Postings postings,
            MemberPoints members,
            TransactionTemplate transactions,
            ApplicationEventPublisher publisher,
            TransactionStore ledger,
            BudgetStore budgets) {
        this.ledger = ledger;
        this.budgets = budgets;
        this.postings = postings;
        this.members = members;
        this.transactions = transactions;
        this.publisher = publisher;
    }

    private static String reached(Challenge.Kind kind, BigDecimal target) {
        String figure = target.stripTrailingZeros().toPlainString();
        return switch (kind) {
            case SPEND -> "spent at least " + target.toPlainString();
            case ORDERS -> figure + " orders or more";
            case NEW_CATEGORIES -> "bought from " + figure + " new categories or more";
            case REVIEWS -> figure + " reviews or more";
            case WEEKLY_VISITS -> "visited " + figure + " weeks in a row or more";
        };
    }

    /** Whether the challenge was awarded for the period. */
    boolean awarded(TenantId tenant, CustomerId customer, Challenge challenge, String period) {
        return TenantContext.call(
                        tenant,
                        () -> ledger.bonusCount(
                                tenant, customer, "challenge:" + challenge.challengeId() + ":" + period))
                > 0;
    }

    /** Always true: the challenge is completed, now or by an earlier award. */
    boolean award(TenantId tenant, CustomerId customer, Challenge challenge, String period, BigDecimal target) {
        String reference = "challenge:" + challenge.challengeId() + ":" + period;
        String reason = reached(challenge.kind(), target) + " in " + period + " (" + challenge.name() + ")";
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    Posted posted = postings.post(
                            tenant, customer, Challenges.key(challenge, period, customer), (account, id, now) -> {
                                long points = challenge.budgetId() == null
                                        ? challenge.rewardPoints()
                                        : budgets.draw(tenant, challenge.budgetId(), null, challenge.rewardPoints());
                                String why = points == challenge.rewardPoints()
                                        ? reason
                                        : reason + "; budget " + challenge.budgetId() + " paid " + points;
                                return members.award(tenant, account, id, points, reference, why, now);
                            });
                    if (!posted.replayed()) {
                        publisher.publishEvent(new ChallengeCompleted(
                                tenant,
                                customer,
                                challenge.challengeId(),
                                period,
                                posted.transaction().points()));
                    }
                }));
        return true;
    }
}
