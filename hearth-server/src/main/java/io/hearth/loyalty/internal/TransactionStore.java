package io.hearth.loyalty.internal;

import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LedgerTransaction.Account;
import io.hearth.loyalty.LedgerTransaction.Entry;
import io.hearth.loyalty.LedgerTransaction.Kind;
import io.hearth.privacy.Decision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The insert-only ledger: transactions and their entries. Nothing here updates or deletes. */
@Repository
class TransactionStore {

    private static final String SELECT = "select * from loyalty_transaction where tenant_id = :tenant ";

    private final JdbcClient jdbc;

    TransactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A transaction with the request hash it was written for. */
    record Stored(LedgerTransaction transaction, String requestHash) {}

    Optional<Stored> byKey(TenantId tenant, String key) {
        List<Stored> found = jdbc.sql(SELECT + "and idempotency_key = :key")
                .param("tenant", tenant.value())
                .param("key", key)
                .query((rs, row) -> new Stored(header(rs), rs.getString("request_hash")))
                .list();
        return found.stream()
                .findFirst()
                .map(stored -> new Stored(withEntries(tenant, stored.transaction()), stored.requestHash()));
    }

    Optional<LedgerTransaction> byId(TenantId tenant, UUID transactionId) {
        return jdbc.sql(SELECT + "and transaction_id = :id")
                .param("tenant", tenant.value())
                .param("id", transactionId)
                .query((rs, row) -> header(rs))
                .optional()
                .map(transaction -> withEntries(tenant, transaction));
    }

    boolean isReversed(TenantId tenant, UUID transactionId) {
        return jdbc.sql(SELECT + "and reverses = :id")
                .param("tenant", tenant.value())
                .param("id", transactionId)
                .query((rs, row) -> true)
                .optional()
                .isPresent();
    }

    /** How many bonuses of the member have a reference like the pattern ({@code review_written:%}). */
    long bonusCount(TenantId tenant, CustomerId customer, String referencePattern) {
        return jdbc.sql(
                        "select count(*) from loyalty_transaction where tenant_id = :tenant and customer_id = :customer "
                                + "and kind = 'BONUS' and points > 0 and reference like :pattern")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("pattern", referencePattern)
                .query(Long.class)
                .single();
    }

    /** When each of the member's bonuses with a reference like the pattern was awarded. */
    List<Instant> bonusTimes(TenantId tenant, CustomerId customer, String referencePattern) {
        return jdbc.sql("""
                        select occurred_at from loyalty_transaction where tenant_id = :tenant
                        and customer_id = :customer and kind = 'BONUS' and points > 0 and reference like :pattern""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("pattern", referencePattern)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /**
     * Every write of a posting in one statement of data-modifying CTEs: the transaction, its entries
     * (their foreign key is checked at the statement's end), an award's decision for the outbox, and
     * the member's balance row (already locked by {@link AccountStore#lock}). One round trip instead
     * of three; all of it commits or none.
     */
    void append(
            TenantId tenant,
            LedgerTransaction transaction,
            String key,
            String requestHash,
            MemberAccount account,
            Instant now,
            @Nullable Decision decision) {
        String header = """
                insert into loyalty_transaction (tenant_id, transaction_id, idempotency_key, request_hash,
                    kind, customer_id, points, order_id, reference, rule_version, reason, actor, shortfall,
                    reverses, occurred_at)
                values (:tenant, :id, :key, :hash, :kind, :customer, :points, :order, :reference,
                    :ruleVersion, :reason, :actor, :shortfall, :reverses, :at)""";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        params.put("id", transaction.transactionId());
        params.put("key", key);
        params.put("hash", requestHash);
        params.put("kind", transaction.kind().name());
        params.put("customer", transaction.customerId().value());
        params.put("points", transaction.points());
        params.put("order", transaction.orderId());
        params.put("reference", transaction.reference());
        params.put("ruleVersion", transaction.ruleVersion());
        params.put("reason", transaction.reason());
        params.put("actor", transaction.actor());
        params.put("shortfall", transaction.shortfall());
        params.put("reverses", transaction.reverses());
        params.put("at", Timestamp.from(transaction.occurredAt()));
        List<Entry> entries = transaction.entries();
        StringBuilder sql = new StringBuilder("with header as (" + header + ")");
        if (decision != null) {
            sql.append(", decision as (")
                    .append(DecisionOutbox.insert(decision, params))
                    .append(')');
        }
        // A movement of nothing (a release with nothing pending, a spent budget) keeps its key only.
        if (!entries.isEmpty()) {
            sql.append(", entries as (insert into loyalty_entry (tenant_id, transaction_id, line, account,"
                    + " customer_id, amount) values ");
        }
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:tenant, :id, ")
                    .append(i)
                    .append(", :a")
                    .append(i)
                    .append(", :customer, :m")
                    .append(i)
                    .append(')');
            params.put("a" + i, entries.get(i).account().code());
            params.put("m" + i, entries.get(i).amount());
        }
        if (!entries.isEmpty()) {
            sql.append(')');
        }
        sql.append(' ').append(AccountStore.update(account, now, params));
        if (jdbc.sql(sql.toString()).params(params).update() != 1) {
            throw new IllegalStateException("the account of " + account.customer + " was not locked before posting");
        }
    }

    /** The member's transactions, newest first, after the given position (time and id) when not null. */
    List<LedgerTransaction> history(
            TenantId tenant, CustomerId customer, int limit, @Nullable Instant before, @Nullable UUID beforeId) {
        String after = before == null ? "" : "and (occurred_at, transaction_id) < (:before, :beforeId) ";
        List<LedgerTransaction> headers = jdbc.sql(SELECT + "and customer_id = :customer " + after
                        + "order by occurred_at desc, transaction_id desc limit :limit")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("before", before == null ? null : Timestamp.from(before))
                .param("beforeId", beforeId == null ? new UUID(-1L, -1L) : beforeId)
                .param("limit", limit)
                .query((rs, row) -> header(rs))
                .list();
        return withEntries(tenant, headers);
    }

    private LedgerTransaction withEntries(TenantId tenant, LedgerTransaction transaction) {
        return withEntries(tenant, List.of(transaction)).getFirst();
    }

    private List<LedgerTransaction> withEntries(TenantId tenant, List<LedgerTransaction> transactions) {
        if (transactions.isEmpty()) {
            return transactions;
        }
        Map<UUID, List<Entry>> entries = new LinkedHashMap<>();
        jdbc.sql("""
                        select transaction_id, account, amount from loyalty_entry
                        where tenant_id = :tenant and transaction_id in (:ids) order by transaction_id, line""")
                .param("tenant", tenant.value())
                .param(
                        "ids",
                        transactions.stream()
                                .map(LedgerTransaction::transactionId)
                                .toList())
                .query(rs -> {
                    entries.computeIfAbsent(rs.getObject("transaction_id", UUID.class), id -> new ArrayList<>())
                            .add(new Entry(Account.of(rs.getString("account")), rs.getLong("amount")));
                });
        return transactions.stream()
                .map(t -> new LedgerTransaction(
                        t.transactionId(),
                        t.customerId(),
                        t.kind(),
                        t.points(),
                        t.orderId(),
                        t.reference(),
                        t.ruleVersion(),
                        t.reason(),
                        t.actor(),
                        t.shortfall(),
                        t.reverses(),
                        t.occurredAt(),
                        entries.getOrDefault(t.transactionId(), List.of())))
                .toList();
    }

    private static LedgerTransaction header(ResultSet rs) throws SQLException {
        Object ruleVersion = rs.getObject("rule_version");
        return new LedgerTransaction(
                rs.getObject("transaction_id", UUID.class),
                CustomerId.of(rs.getString("customer_id")),
                Kind.valueOf(rs.getString("kind")),
                rs.getLong("points"),
                rs.getString("order_id"),
                rs.getString("reference"),
                ruleVersion == null ? null : ((Number) ruleVersion).intValue(),
                rs.getString("reason"),
                rs.getString("actor"),
                rs.getLong("shortfall"),
                rs.getObject("reverses", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                List.of());
    }
}
