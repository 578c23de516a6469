package io.hearth.privacy.internal;

import static io.hearth.privacy.internal.ConsentRepository.instant;
import static io.hearth.privacy.internal.ConsentRepository.timestamp;
import static java.util.Objects.requireNonNull;

import io.hearth.privacy.ChainVerification;
import io.hearth.privacy.ChainVerification.BrokenLink;
import io.hearth.privacy.Decision;
import io.hearth.privacy.DecisionPage;
import io.hearth.privacy.PrivacyProblem;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained log of automated decisions. Appends of one tenant are serialized by
 * locking the tenant's chain-head row, so every entry links to exactly the one before it.
 */
@Component
public class DecisionLog {

    private static final int VERIFY_CHUNK = 1000;

    private static final String COLUMNS = """
            sequence, decision_id, customer_id, decision_type, inputs, model_version, outcome, reason,
            occurred_at, recorded_at, hash""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    DecisionLog(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        // Verification reads the entries and the chain head in chunks; one snapshot keeps appends that
        // commit meanwhile from looking like missing entries.
        this.snapshot = new TransactionTemplate(requireNonNull(transactions.getTransactionManager()));
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public RecordedDecision append(TenantId tenant, Decision decision) {
        return appendAll(tenant, List.of(decision)).getFirst();
    }

    /**
     * Appends the decisions in their order under one lock of the chain head and one insert: a batch
     * costs the lock and the round trips of a single entry. Joins the caller's transaction, if any.
     */
    public List<RecordedDecision> appendAll(TenantId tenant, List<Decision> decisions) {
        List<String> inputs =
                decisions.stream().map(DecisionLog::canonicalInputs).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return TenantContext.call(
                tenant, () -> transactions.execute(status -> appendLocked(tenant, decisions, inputs, now)));
    }

    private static String canonicalInputs(Decision decision) {
        String inputs = DecisionEntry.CANONICAL.writeValueAsString(decision.inputs());
        int size = inputs.getBytes(StandardCharsets.UTF_8).length;
        if (size > Decision.MAX_INPUTS_BYTES) {
            throw new HearthProblem(
                    PrivacyProblem.DECISION_INPUTS_TOO_LARGE,
                    "The inputs summary has " + size + " bytes; at most " + Decision.MAX_INPUTS_BYTES + " fit",
                    List.of(new FieldError("/inputs", "is larger than 8 KB")));
        }
        return inputs;
    }

    private List<RecordedDecision> appendLocked(
            TenantId tenant, List<Decision> decisions, List<String> inputs, Instant now) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        // Inserting or touching the head row locks it until commit: the next append of this tenant waits.
        Head head = jdbc.sql("""
                insert into privacy_decision_chain (tenant_id, last_sequence, last_hash)
                values (:tenant, 0, :genesis)
                on conflict (tenant_id) do update set last_sequence = privacy_decision_chain.last_sequence
                returning last_sequence, last_hash
                """)
                .param("tenant", tenant.value())
                .param("genesis", DecisionEntry.GENESIS)
                .query((rs, row) -> new Head(rs.getLong("last_sequence"), rs.getString("last_hash")))
                .single();
        List<RecordedDecision> recorded = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        String hash = head.hash();
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            DecisionEntry entry = new DecisionEntry(
                    tenant,
                    head.sequence() + 1 + i,
                    UUID.randomUUID(),
                    decision.customer().value(),
                    decision.type(),
                    inputs.get(i),
                    decision.modelVersion(),
                    decision.outcome(),
                    decision.reason(),
                    Optional.ofNullable(decision.occurredAt()).orElse(now),
                    now);
            hash = entry.hashAfter(hash);
            values.append(i == 0 ? "" : ", ")
                    .append(("(:tenant, :s%1$d, :d%1$d, :c%1$d, :t%1$d, :i%1$d, :m%1$d, "
                                    + ":o%1$d, :r%1$d, :at%1$d, :recordedAt, :h%1$d)")
                            .formatted(i));
            params.put("s" + i, entry.sequence());
            params.put("d" + i, entry.decisionId());
            params.put("c" + i, entry.customer());
            params.put("t" + i, entry.type());
            params.put("i" + i, entry.inputs());
            params.put("m" + i, entry.modelVersion());
            params.put("o" + i, entry.outcome());
            params.put("r" + i, entry.reason());
            params.put("at" + i, timestamp(entry.occurredAt()));
            params.put("h" + i, hash);
            recorded.add(recorded(entry, hash));
        }
        params.put("tenant", tenant.value());
        params.put("recordedAt", timestamp(now));
        params.put("sequence", recorded.getLast().sequence());
        params.put("hash", hash);
        jdbc.sql("""
                with appended as (
                    insert into privacy_decision (tenant_id, sequence, decision_id, customer_id, decision_type,
                        inputs, model_version, outcome, reason, occurred_at, recorded_at, hash)
                    values %s
                )
                update privacy_decision_chain set last_sequence = :sequence, last_hash = :hash
                 where tenant_id = :tenant
                """.formatted(values)).params(params).update();
        return recorded;
    }

    /** A customer's decisions, newest first; the cursor is the sequence to continue below. */
    public DecisionPage page(TenantId tenant, CustomerId customer, int limit, @Nullable String cursor) {
        if (limit < 1 || limit > DecisionPage.MAX_LIMIT) {
            throw invalidQuery("limit", "must be between 1 and " + DecisionPage.MAX_LIMIT);
        }
        Long before = cursor == null ? null : sequence(cursor);
        List<Stored> rows = TenantContext.call(
                tenant,
                () -> jdbc.sql("select " + COLUMNS + """
                                 from privacy_decision
                                where tenant_id = :tenant and customer_id = :customer
                                  and (cast(:before as bigint) is null or sequence < :before)
                                order by sequence desc
                                limit :limit
                                """)
                        .param("tenant", tenant.value())
                        .param("customer", customer.value())
                        .param("before", before)
                        .param("limit", limit + 1)
                        .query((rs, row) -> stored(tenant, rs))
                        .list());
        List<RecordedDecision> decisions = rows.stream()
                .limit(limit)
                .map(row -> recorded(row.entry(), row.hash()))
                .toList();
        String next = rows.size() > limit ? Long.toString(decisions.getLast().sequence()) : null;
        return new DecisionPage(decisions, next);
    }

    /** Recomputes the tenant's chain from its first entry, a chunk at a time. */
    public ChainVerification verify(TenantId tenant) {
        return TenantContext.call(tenant, () -> snapshot.execute(status -> verifyInSnapshot(tenant)));
    }

    private ChainVerification verifyInSnapshot(TenantId tenant) {
        String previousHash = DecisionEntry.GENESIS;
        long checked = 0;
        while (true) {
            List<Stored> chunk = chunkAfter(tenant, checked);
            for (Stored row : chunk) {
                BrokenLink broken = brokenLink(row, checked + 1, previousHash);
                if (broken != null) {
                    return new ChainVerification(checked, broken);
                }
                previousHash = row.hash();
                checked++;
            }
            if (chunk.size() < VERIFY_CHUNK) {
                return new ChainVerification(checked, headMismatch(tenant, checked, previousHash));
            }
        }
    }

    private static @Nullable BrokenLink brokenLink(Stored row, long expected, String previousHash) {
        if (row.entry().sequence() != expected) {
            return new BrokenLink(expected, null, "entry " + expected + " is missing");
        }
        if (!row.entry().hashAfter(previousHash).equals(row.hash())) {
            return new BrokenLink(
                    expected, row.entry().decisionId(), "the hash does not follow from the entry and its predecessor");
        }
        return null;
    }

    private static long sequence(String cursor) {
        try {
            long sequence = Long.parseLong(cursor);
            if (sequence > 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidQuery("cursor", "is not a cursor this API returned");
    }

    private static HearthProblem invalidQuery(String parameter, String detail) {
        return new HearthProblem(
                PrivacyProblem.INVALID_QUERY, parameter + " " + detail, List.of(new FieldError(parameter, detail)));
    }

    private List<Stored> chunkAfter(TenantId tenant, long sequence) {
        return jdbc.sql("select " + COLUMNS + """
                         from privacy_decision
                        where tenant_id = :tenant and sequence > :after
                        order by sequence
                        limit :limit
                        """)
                .param("tenant", tenant.value())
                .param("after", sequence)
                .param("limit", VERIFY_CHUNK)
                .query((rs, row) -> stored(tenant, rs))
                .list();
    }

    /** Entries removed from the end of the chain leave it consistent; the head still remembers them. */
    private @Nullable BrokenLink headMismatch(TenantId tenant, long lastSequence, String lastHash) {
        Optional<Head> head = jdbc.sql(
                        "select last_sequence, last_hash from privacy_decision_chain where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query((rs, row) -> new Head(rs.getLong("last_sequence"), rs.getString("last_hash")))
                .optional();
        if (head.isEmpty()
                || (head.get().sequence() == lastSequence && head.get().hash().equals(lastHash))) {
            return null;
        }
        if (head.get().sequence() > lastSequence) {
            return new BrokenLink(lastSequence + 1, null, "entries after " + lastSequence + " are missing");
        }
        return new BrokenLink(lastSequence, null, "the chain head does not match the last entry");
    }

    private static Stored stored(TenantId tenant, ResultSet rs) throws SQLException {
        DecisionEntry entry = new DecisionEntry(
                tenant,
                rs.getLong("sequence"),
                rs.getObject("decision_id", UUID.class),
                rs.getString("customer_id"),
                rs.getString("decision_type"),
                rs.getString("inputs"),
                rs.getString("model_version"),
                rs.getString("outcome"),
                rs.getString("reason"),
                instant(rs, "occurred_at"),
                instant(rs, "recorded_at"));
        return new Stored(entry, rs.getString("hash"));
    }

    private static RecordedDecision recorded(DecisionEntry entry, String hash) {
        return new RecordedDecision(
                entry.sequence(),
                entry.decisionId(),
                CustomerId.of(entry.customer()),
                entry.type(),
                DecisionEntry.CANONICAL.readTree(entry.inputs()),
                entry.modelVersion(),
                entry.outcome(),
                entry.reason(),
                entry.occurredAt(),
                entry.recordedAt(),
                hash);
    }

    private record Head(long sequence, String hash) {}

    private record Stored(DecisionEntry entry, String hash) {}
}
