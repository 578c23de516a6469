package io.hearth.loyalty.internal;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LedgerTransaction.Account;
import io.hearth.loyalty.LedgerTransaction.Entry;
import io.hearth.loyalty.LedgerTransaction.Kind;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points follow profile merges. A merge moves every lot of the absorbed member to the survivor, with
 * its available and pending points and open shortfall, as two {@code TRANSFER} transactions (out of
 * one, into the other) in one database transaction. An unmerge moves back what is left of exactly
 * the lots that merge moved; what the survivor spent in between stays spent. Both are keyed by the
 * merge id, so a redelivered event moves nothing twice. Both accounts are locked in id order, so two
 * merges touching the same members cannot deadlock.
 */
@Component
class MergeTransfers {

    private final TransactionTemplate transactions;
    private final AccountStore accounts;
    private final Postings postings;
    private final JdbcClient jdbc;
    private final Clock clock;

    MergeTransfers(
            TransactionTemplate transactions, AccountStore accounts, Postings postings, JdbcClient jdbc, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.postings = postings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the outgoing side handed over, for the incoming side to receive. */
    private static final class Moved {
        long available;
        long pending;
        long shortfall;
        int orders;
    }

    void merge(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId absorbed) {
        if (undone(tenant, mergeId)) {
            // The unmerge was delivered first: both members stay apart.
            return;
        }
        transfer(tenant, "merge:" + mergeId, absorbed, survivor, (account, moved) -> {
            moved.available = account.available;
            moved.pending = account.pending;
            moved.shortfall = account.shortfall;
            moved.orders = account.ordersEarned;
            account.shortfall = 0;
            List<UUID> lots = jdbc.sql("""
                            update loyalty_lot set customer_id = :to where tenant_id = :tenant and customer_id = :from
                            returning lot_id""")
                    .param("to", survivor.value())
                    .param("tenant", tenant.value())
                    .param("from", absorbed.value())
                    .query(UUID.class)
                    .list();
            remember(tenant, mergeId, lots);
            return "merged into " + survivor.value();
        });
    }

    void unmerge(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId restored) {
        transfer(tenant, "unmerge:" + mergeId, survivor, restored, (account, moved) -> {
            jdbc.sql("""
                            update loyalty_lot l set customer_id = :to from loyalty_merged_lot m
                            where l.tenant_id = :tenant and l.customer_id = :from and m.tenant_id = l.tenant_id
                              and m.merge_id = :merge and m.lot_id = l.lot_id
                            returning l.state, l.points, l.remaining""")
                    .param("to", restored.value())
                    .param("tenant", tenant.value())
                    .param("from", survivor.value())
                    .param("merge", mergeId)
                    .query((rs, row) -> {
                        switch (rs.getString("state")) {
                            case "AVAILABLE" -> moved.available += rs.getLong("remaining");
                            case "PENDING" -> moved.pending += rs.getLong("points");
                            default -> {}
                        }
                        return row;
                    })
                    .list();
            return "unmerged from " + survivor.value();
        });
    }

    private interface Handover {
        /** Under the outgoing account's lock: fills in what moves, answers the reason. */
        String take(MemberAccount from, Moved moved);
    }

    private void transfer(TenantId tenant, String key, CustomerId from, CustomerId to, Handover handover) {
        if (from.equals(to)) {
            return;
        }
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    Stream.of(from, to)
                            .sorted((a, b) -> a.value().compareTo(b.value()))
                            .forEach(customer -> accounts.lock(tenant, customer, now));
                    Moved moved = new Moved();
                    postings.post(tenant, from, new Idempotency(key + ":out", "transfer"), (account, id, at) -> {
                        String reason = handover.take(account, moved);
                        return transfer(id, from, at, reason, -moved.available, -moved.pending);
                    });
                    postings.post(tenant, to, new Idempotency(key + ":in", "transfer"), (account, id, at) -> {
                        account.shortfall += moved.shortfall;
                        account.ordersEarned += moved.orders;
                        return transfer(
                                id,
                                to,
                                at,
                                "points of " + from.value() + " (" + key + ")",
                                moved.available,
                                moved.pending);
                    });
                }));
    }

    private static LedgerTransaction transfer(
            UUID id, CustomerId customer, Instant now, String reason, long available, long pending) {
        List<Entry> entries = new ArrayList<>();
        OrderPoints.addIfNotZero(entries, Account.MEMBER_AVAILABLE, available);
        OrderPoints.addIfNotZero(entries, Account.MEMBER_PENDING, pending);
        OrderPoints.addIfNotZero(entries, Account.PROGRAM_TRANSFERRED, -(available + pending));
        return new LedgerTransaction(
                id,
                customer,
                Kind.TRANSFER,
                Math.abs(available + pending),
                null,
                null,
                null,
                reason,
                null,
                0,
                null,
                now,
                entries);
    }

    private boolean undone(TenantId tenant, UUID mergeId) {
        return TenantContext.call(
                        tenant,
                        () -> jdbc.sql(
                                        "select count(*) from loyalty_transaction where tenant_id = :tenant and idempotency_key = :key")
                                .param("tenant", tenant.value())
                                .param("key", "unmerge:" + mergeId + ":out")
                                .query(Long.class)
                                .single())
                > 0;
    }

    private void remember(TenantId tenant, UUID mergeId, List<UUID> lots) {
        for (UUID lot : lots) {
            jdbc.sql("insert into loyalty_merged_lot (tenant_id, merge_id, lot_id) values (:tenant, :merge, :lot) "
                            + "on conflict do nothing")
                    .param("tenant", tenant.value())
                    .param("merge", mergeId)
                    .param("lot", lot)
                    .update();
        }
    }
}
