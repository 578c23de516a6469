package io.hearth.loyalty.internal;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.PointsEarned;
import io.hearth.loyalty.internal.TransactionStore.Stored;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one ledger transaction exactly once: in one database transaction it locks the member's
 * account row, answers an earlier write under the same idempotency key, or lets the operation move
 * lots and build the entries, then appends them, an award's decision and the balance projection in
 * one statement.
 */
@Component
class Postings {

    private final TransactionTemplate transactions;
    private final AccountStore accounts;
    private final TransactionStore ledger;
    private final Tiers tiers;
    private final ApplicationEventPublisher publisher;
    private final LoyaltyDecisions decisions;
    private final Clock clock;

    Postings(
            TransactionTemplate transactions,
            AccountStore accounts,
            TransactionStore ledger,
            Tiers tiers,
            ApplicationEventPublisher publisher,
            LoyaltyDecisions decisions,
            Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.ledger = ledger;
        this.tiers = tiers;
        this.publisher = publisher;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** What the operation computes under the lock: the transaction, or nothing to write. */
    interface Operation {
        LedgerTransaction post(MemberAccount account, UUID transactionId, Instant now);
    }

    /** A written (or earlier written) transaction, and whether this call only replayed it. */
    record Posted(LedgerTransaction transaction, boolean replayed) {}

    Posted post(TenantId tenant, CustomerId customer, Idempotency idempotency, Operation operation) {
        try {
            return attempt(tenant, customer, idempotency, operation);
        } catch (DuplicateKeyException raced) {
            // Another member's write took the same key (or order) between our check and our insert:
            // the retry sees it under the lock and answers it or refuses.
            return attempt(tenant, customer, idempotency, operation);
        }
    }

    private Posted attempt(TenantId tenant, CustomerId customer, Idempotency idempotency, Operation operation) {
        return TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    MemberAccount account = accounts.lock(tenant, customer, now);
                    var earlier = ledger.byKey(tenant, idempotency.key());
                    if (earlier.isPresent()) {
                        return replay(earlier.get(), idempotency);
                    }
                    LedgerTransaction transaction = operation.post(account, UUID.randomUUID(), now);
                    account.apply(transaction);
                    ledger.append(
                            tenant,
                            transaction,
                            idempotency.key(),
                            idempotency.requestHash(),
                            account,
                            now,
                            awarded(transaction) ? decisions.decision(transaction) : null);
                    tiers.evaluate(tenant, customer, now);
                    announce(tenant, transaction);
                    return new Posted(transaction, false);
                }));
    }

    private static Posted replay(Stored earlier, Idempotency idempotency) {
        if (!earlier.requestHash().equals(idempotency.requestHash())) {
            throw new HearthProblem(
                    LoyaltyProblem.IDEMPOTENCY_CONFLICT,
                    "The Idempotency-Key was already used with a different request");
        }
        return new Posted(earlier.transaction(), true);
    }

    // The award's decision went into the outbox with the transaction; the event is for listeners.
    private void announce(TenantId tenant, LedgerTransaction transaction) {
        if (awarded(transaction)) {
            publisher.publishEvent(new PointsEarned(
                    tenant,
                    transaction.customerId(),
                    transaction.transactionId(),
                    transaction.points(),
                    transaction.kind() == LedgerTransaction.Kind.EARN,
                    transaction.orderId(),
                    transaction.ruleVersion(),
                    transaction.reason() == null ? transaction.kind().name() : transaction.reason()));
        }
    }

    // Earns and bonuses are automated awards: each goes to the decision log with its reason.
    private static boolean awarded(LedgerTransaction transaction) {
        return switch (transaction.kind()) {
            case EARN, BONUS -> true;
            case RELEASE, REFUND, REDEEM, EXPIRE, ADJUST, REVERSAL, TRANSFER -> false;
        };
    }
}
