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

/** Awards a reached challenge once: the ledger transaction and the completion event commit together. */
@Component
class ChallengeAwards {

    private final Postings postings;
    private final MemberPoints members;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final TransactionStore ledger;

    ChallengeAwards(
            Postings postings,
            MemberPoints members,
            TransactionTemplate transactions,
            ApplicationEventPublisher publisher,
            TransactionStore ledger) {
        this.ledger = ledger;
        this.postings = postings;
        this.members = members;
        this.transactions = transactions;
        this.publisher = publisher;
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
        String reason = "spent at least " + target.toPlainString() + " in " + period + " (" + challenge.name() + ")";
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    Posted posted = postings.post(
                            tenant,
                            customer,
                            Challenges.key(challenge, period, customer),
                            (account, id, now) -> members.award(
                                    tenant, account, id, challenge.rewardPoints(), reference, reason, now));
                    if (!posted.replayed()) {
                        publisher.publishEvent(new ChallengeCompleted(
                                tenant, customer, challenge.challengeId(), period, challenge.rewardPoints()));
                    }
                }));
        return true;
    }
}
