package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Consent;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.Purpose;
import io.hearth.privacy.internal.ConsentLedger.Slot;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consent history (insert-only) and its current-state projection; runs in the caller's tenant. */
@Repository
class ConsentRepository {

    /** Rows per multi-row statement, well below PostgreSQL's 65,535 parameters. */
    private static final int CHUNK = 500;

    private static final String COLUMNS = "purpose, channel, granted, source, occurred_at, proof, recorded_at";

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes consent recordings per customer until the transaction ends; locks in a fixed order. */
    void lockCustomers(TenantId tenant, Collection<CustomerId> customers) {
        jdbc.sql("""
                select count(*) from (
                    select pg_advisory_xact_lock(lock_key)
                    from (select distinct hashtextextended(:tenant || '/' || c, 0) as lock_key
                          from unnest(array[:customers]::text[]) c order by 1) ordered
                ) locked
                """)
                .param("tenant", tenant.toString())
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query(Long.class)
                .single();
    }

    Map<Slot, Consent> currentOf(TenantId tenant, Collection<CustomerId> customers) {
        Map<Slot, Consent> current = new HashMap<>();
        jdbc.sql("select customer_id, " + COLUMNS + """
                         from privacy_consent
                        where tenant_id = :tenant and customer_id in (:customers)
                        """)
                .param("tenant", tenant.value())
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query(rs -> {
                    Consent consent = consent(rs);
                    current.put(
                            new Slot(CustomerId.of(rs.getString("customer_id")), consent.purpose(), consent.channel()),
                            consent);
                });
        return current;
    }

    /** Appends the changes to the history; answers those that were not there yet. */
    List<ConsentChange> append(TenantId tenant, List<ConsentChange> changes, Instant now) {
        List<ConsentChange> inserted = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += CHUNK) {
            inserted.addAll(appendChunk(tenant, changes.subList(from, Math.min(changes.size(), from + CHUNK)), now));
        }
        return inserted;
    }

    private List<ConsentChange> appendChunk(TenantId tenant, List<ConsentChange> changes, Instant now) {
        StringJoiner rows = new StringJoiner(", ");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        params.put("now", timestamp(now));
        for (int i = 0; i < changes.size(); i++) {
            ConsentChange change = changes.get(i);
            rows.add("(:tenant, :c%1$d, :p%1$d, :ch%1$d, :g%1$d, :s%1$d, :o%1$d, :pr%1$d, :now)".formatted(i));
            params.put("c" + i, change.customer().value());
            params.put("p" + i, change.purpose().key());
            params.put("ch" + i, change.channel().key());
            params.put("g" + i, change.granted());
            params.put("s" + i, change.source());
            params.put("o" + i, timestamp(requireTime(change)));
            params.put("pr" + i, change.proof());
        }
        List<ConsentChange> inserted = new ArrayList<>();
        jdbc.sql("insert into privacy_consent_entry (tenant_id, customer_id, " + COLUMNS + ") values " + rows + """
                         on conflict do nothing
                         returning customer_id, purpose, channel, granted, source, occurred_at, proof
                        """)
                .params(params)
                .query(rs -> {
                    inserted.add(new ConsentChange(
                            CustomerId.of(rs.getString("customer_id")),
                            purpose(rs),
                            channel(rs),
                            rs.getBoolean("granted"),
                            rs.getString("source"),
                            instant(rs, "occurred_at"),
                            rs.getString("proof")));
                });
        return inserted;
    }

    /** Moves the current state to the given changes, unless a newer answer is already there. */
    void project(TenantId tenant, Collection<ConsentChange> latest, Instant now) {
        if (latest.isEmpty()) {
            return;
        }
        StringJoiner rows = new StringJoiner(", ");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        params.put("now", timestamp(now));
        int i = 0;
        for (ConsentChange change : latest) {
            rows.add("(:tenant, :c%1$d, :p%1$d, :ch%1$d, :g%1$d, :s%1$d, :o%1$d, :pr%1$d, :now)".formatted(i));
            params.put("c" + i, change.customer().value());
            params.put("p" + i, change.purpose().key());
            params.put("ch" + i, change.channel().key());
            params.put("g" + i, change.granted());
            params.put("s" + i, change.source());
            params.put("o" + i, timestamp(requireTime(change)));
            params.put("pr" + i, change.proof());
            i++;
        }
        jdbc.sql("insert into privacy_consent (tenant_id, customer_id, " + COLUMNS + ") values " + rows + """
                         on conflict (tenant_id, customer_id, purpose, channel) do update
                        set granted = excluded.granted, source = excluded.source, occurred_at = excluded.occurred_at,
                            proof = excluded.proof, recorded_at = excluded.recorded_at
                      where privacy_consent.occurred_at <= excluded.occurred_at
                        """)
                .params(params)
                .update();
    }

    /** Every recorded change, newest first (by when it happened, then by when it was recorded). */
    List<Consent> history(TenantId tenant, Collection<CustomerId> customers) {
        return jdbc.sql("select " + COLUMNS + """
                         from privacy_consent_entry where tenant_id = :tenant and customer_id in (:customers)
                        order by occurred_at desc, entry_id desc
                        """)
                .param("tenant", tenant.value())
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query((rs, row) -> consent(rs))
                .list();
    }

    static Consent consent(ResultSet rs) throws SQLException {
        return new Consent(
                purpose(rs),
                channel(rs),
                rs.getBoolean("granted"),
                rs.getString("source"),
                instant(rs, "occurred_at"),
                rs.getString("proof"),
                instant(rs, "recorded_at"));
    }

    private static Purpose purpose(ResultSet rs) throws SQLException {
        return Purpose.valueOf(rs.getString("purpose").toUpperCase(Locale.ROOT));
    }

    private static Channel channel(ResultSet rs) throws SQLException {
        return Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT));
    }

    private static Instant requireTime(ConsentChange change) {
        Instant occurredAt = change.occurredAt();
        if (occurredAt == null) {
            throw new IllegalStateException("a change is timed before it is stored");
        }
        return occurredAt;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * Customers whose own answers were recorded, or whose consent merges were made or undone, at or
     * after {@code since}: what a cache kept on another node must read again.
     */
    Set<CustomerId> changedSince(TenantId tenant, Instant since) {
        return new HashSet<>(jdbc.sql("""
                        select customer_id from privacy_consent where tenant_id = :tenant and recorded_at >= :since
                        union
                        select unnest(array[survivor, absorbed]) from privacy_consent_merge
                         where tenant_id = :tenant and (merged_at >= :since or undone_at >= :since)
                        """)
                .param("tenant", tenant.value())
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .list());
    }
}
