package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One movement of points: its entries sum to zero over the member's buckets and the program's
 * accounts. Never changed once written; a correction is another transaction that {@code reverses} it.
 *
 * @param points the size of the movement (always positive); the entries say where it went
 * @param ruleVersion the earn-rules version that computed an earn; null for other kinds
 * @param shortfall points a refund or reversal could not take from the member's lots
 */
public record LedgerTransaction(
        UUID transactionId,
        CustomerId customerId,
        Kind kind,
        long points,
        @Nullable String orderId,
        @Nullable String reference,
        @Nullable Integer ruleVersion,
        @Nullable String reason,
        @Nullable String actor,
        long shortfall,
        @Nullable UUID reverses,
        Instant occurredAt,
        List<Entry> entries) {

    public LedgerTransaction {
        requireNonNull(transactionId, "transactionId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(occurredAt, "occurredAt is null");
        entries = List.copyOf(entries);
    }

    /** What the member's available points changed by. */
    public long availableChange() {
        return change(Account.MEMBER_AVAILABLE);
    }

    /** What the member's pending points changed by. */
    public long pendingChange() {
        return change(Account.MEMBER_PENDING);
    }

    private long change(Account account) {
        return entries.stream()
                .filter(entry -> entry.account() == account)
                .mapToLong(Entry::amount)
                .sum();
    }

    /** What moved the points. */
    public enum Kind {
        /** Points on an order, pending until its return window closes. */
        EARN,
        /** Points for an action (review, referral, birthday), available at once. */
        BONUS,
        /** An order's return window closed: its pending points became available. */
        RELEASE,
        /** A refund took back the points of the refunded lines. */
        REFUND,
        REDEEM,
        EXPIRE,
        /** A manual adjustment by a person, with a reason. */
        ADJUST,
        /** A correction that undoes another transaction. */
        REVERSAL,
        /** Points moved between two members when their profiles were merged or unmerged. */
        TRANSFER
    }

    /** The ledger's accounts: the member's two buckets and where the program's points come from and go. */
    public enum Account {
        MEMBER_PENDING("member.pending"),
        MEMBER_AVAILABLE("member.available"),
        PROGRAM_ISSUED("program.issued"),
        PROGRAM_BONUS("program.bonus"),
        PROGRAM_REDEEMED("program.redeemed"),
        PROGRAM_EXPIRED("program.expired"),
        PROGRAM_ADJUSTED("program.adjusted"),
        PROGRAM_TRANSFERRED("program.transferred");

        private final String code;

        Account(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Account of(String code) {
            for (Account account : values()) {
                if (account.code.equals(code)) {
                    return account;
                }
            }
            throw new IllegalArgumentException("unknown account " + code);
        }
    }

    /** One side of a movement: a signed amount on one account. */
    public record Entry(Account account, long amount) {
        public Entry {
            requireNonNull(account, "account is null");
        }
    }
}
