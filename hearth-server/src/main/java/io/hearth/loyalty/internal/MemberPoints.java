package io.hearth.loyalty.internal;

import static io.hearth.loyalty.internal.OrderPoints.addIfNotZero;

import io.hearth.loyalty.EarnRules.BonusAction;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LedgerTransaction.Account;
import io.hearth.loyalty.LedgerTransaction.Entry;
import io.hearth.loyalty.LedgerTransaction.Kind;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.Reward;
import io.hearth.loyalty.RulesVersion;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Movements of a member's available points that are not about one order: bonuses, redemptions,
 * manual adjustments and reversing corrections. Each is an operation for {@link Postings}.
 */
@Component
class MemberPoints {

    private final LotMoves moves;
    private final RuleStore rules;
    private final TransactionStore ledger;

    MemberPoints(LotMoves moves, RuleStore rules, TransactionStore ledger) {
        this.moves = moves;
        this.rules = rules;
        this.ledger = ledger;
    }

    LedgerTransaction bonus(
            TenantId tenant, MemberAccount account, UUID id, BonusAction action, String reference, Instant now) {
        RulesVersion versioned = rules.current(tenant);
        long points = versioned.rules().bonuses().getOrDefault(action, 0L);
        if (points > 0) {
            moves.credit(tenant, account, id, "bonus:" + action.name().toLowerCase(Locale.ROOT), points, now);
        }
        List<Entry> entries = points == 0
                ? List.of()
                : List.of(new Entry(Account.MEMBER_AVAILABLE, points), new Entry(Account.PROGRAM_BONUS, -points));
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.BONUS,
                points,
                null,
                reference,
                versioned.version(),
                action.name().toLowerCase(Locale.ROOT) + " bonus of " + points,
                null,
                0,
                null,
                now,
                entries);
    }

    /** Points an automated award (a completed challenge) earns, available at once, once per reference. */
    LedgerTransaction award(
            TenantId tenant,
            MemberAccount account,
            UUID id,
            long points,
            String reference,
            String reason,
            Instant now) {
        if (points > 0) {
            moves.credit(tenant, account, id, "bonus:" + reference, points, now);
        }
        List<Entry> entries = points == 0
                ? List.of()
                : List.of(new Entry(Account.MEMBER_AVAILABLE, points), new Entry(Account.PROGRAM_BONUS, -points));
        return new LedgerTransaction(
                id, account.customer, Kind.BONUS, points, null, reference, null, reason, null, 0, null, now, entries);
    }

    LedgerTransaction redeem(
            TenantId tenant, MemberAccount account, UUID id, Reward reward, String actor, Instant now) {
        if (account.available < reward.cost()) {
            throw new HearthProblem(
                    LoyaltyProblem.INSUFFICIENT_POINTS,
                    "The reward costs " + reward.cost() + " points; " + Math.max(0, account.available)
                            + " are available");
        }
        moves.spend(tenant, account.customer, reward.cost());
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.REDEEM,
                reward.cost(),
                null,
                reward.rewardId(),
                null,
                "redeemed " + reward.name(),
                actor,
                0,
                null,
                now,
                List.of(
                        new Entry(Account.MEMBER_AVAILABLE, -reward.cost()),
                        new Entry(Account.PROGRAM_REDEEMED, reward.cost())));
    }

    /** A person's correction: positive points credit a lot, negative ones spend and may not overdraw. */
    LedgerTransaction adjust(
            TenantId tenant, MemberAccount account, UUID id, long points, String reason, String actor, Instant now) {
        if (points > 0) {
            moves.credit(tenant, account, id, null, points, now);
        } else {
            if (account.available < -points) {
                throw new HearthProblem(
                        LoyaltyProblem.INSUFFICIENT_POINTS,
                        "Only " + Math.max(0, account.available) + " points are available to take away");
            }
            moves.spend(tenant, account.customer, -points);
        }
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.ADJUST,
                Math.abs(points),
                null,
                null,
                null,
                reason,
                actor,
                0,
                null,
                now,
                List.of(new Entry(Account.MEMBER_AVAILABLE, points), new Entry(Account.PROGRAM_ADJUSTED, -points)));
    }

    /**
     * Undoes a bonus, redemption or adjustment with the opposite entries. Points it gives back make a
     * new lot; points it takes back come from the lots, and what was spent becomes a shortfall. Order
     * points are corrected by a refund instead.
     */
    LedgerTransaction reverse(
            TenantId tenant,
            MemberAccount account,
            UUID id,
            LedgerTransaction original,
            String reason,
            String actor,
            Instant now) {
        switch (original.kind()) {
            case BONUS, REDEEM, ADJUST -> {}
            case EARN, RELEASE, REFUND, EXPIRE, REVERSAL, TRANSFER ->
                throw new HearthProblem(
                        LoyaltyProblem.NOT_REVERSIBLE, original.kind() + " transactions are corrected another way");
        }
        if (ledger.isReversed(tenant, original.transactionId())) {
            throw new HearthProblem(LoyaltyProblem.ALREADY_REVERSED, "The transaction was already reversed");
        }
        long change = -original.availableChange();
        long shortfall = 0;
        if (change > 0) {
            moves.credit(tenant, account, id, null, change, now);
        } else if (change < 0) {
            shortfall = moves.takeBack(tenant, account, -change);
        }
        List<Entry> entries = new ArrayList<>();
        original.entries().forEach(entry -> addIfNotZero(entries, entry.account(), -entry.amount()));
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.REVERSAL,
                Math.abs(change),
                original.orderId(),
                original.reference(),
                null,
                reason,
                actor,
                shortfall,
                original.transactionId(),
                now,
                entries);
    }
}
