package io.hearth.loyalty.internal;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LedgerTransaction.Entry;
import io.hearth.shared.CustomerId;

/**
 * The balance projection of one member, held under its row lock for the length of one ledger
 * transaction. It changes only by applying a posted transaction's entries, so it cannot drift from
 * them.
 */
final class MemberAccount {

    final CustomerId customer;
    long available;
    long pending;
    long lifetimeEarned;
    long redeemed;
    long expired;
    long shortfall;
    int ordersEarned;

    MemberAccount(CustomerId customer) {
        this.customer = customer;
    }

    void apply(LedgerTransaction transaction) {
        for (Entry entry : transaction.entries()) {
            switch (entry.account()) {
                case MEMBER_AVAILABLE -> available += entry.amount();
                case MEMBER_PENDING -> pending += entry.amount();
                case PROGRAM_ISSUED, PROGRAM_BONUS -> lifetimeEarned -= entry.amount();
                case PROGRAM_REDEEMED -> redeemed += entry.amount();
                case PROGRAM_EXPIRED -> expired += entry.amount();
                case PROGRAM_ADJUSTED, PROGRAM_TRANSFERRED -> lifetimeEarned -= entry.amount();
            }
        }
        if (transaction.kind() == LedgerTransaction.Kind.EARN) {
            ordersEarned++;
        }
    }

    /** Takes up to {@code points} of an open shortfall with points that just became available. */
    long settleShortfall(long points) {
        long settled = Math.min(shortfall, points);
        shortfall -= settled;
        return settled;
    }

    Balance balance() {
        return new Balance(customer, available, pending, lifetimeEarned, redeemed, expired, shortfall);
    }
}
