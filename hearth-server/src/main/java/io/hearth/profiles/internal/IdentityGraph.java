package io.hearth.profiles.internal;

import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Identifiers and the profile each belongs to. */
@Repository
class IdentityGraph {

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;

    IdentityGraph(JdbcClient jdbc, JdbcTemplate plain) {
        this.jdbc = jdbc;
        this.plain = plain;
    }

    /**
     * Serializes identity resolution within a tenant for the rest of the transaction. Resolution is
     * batched, so one lock per batch keeps merges exact without costing throughput.
     */
    void lock(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('profiles:' || :tenant, 0))")
                .param("tenant", tenant.toString())
                .query()
                .singleRow();
    }

    /**
     * One primary-key lookup per identifier, whatever the statistics say: as a plain join with the
     * wanted pairs, an analyzed table was planned as a hash over every identifier of the tenant (36 ms
     * for 700 identifiers among 50,000, against 3–5 ms by key, and growing with the shop). The
     * {@code limit 1} (an identifier has one owner) keeps the lateral subquery from being flattened
     * back into that join; row-level security supplies the tenant, the key's first column. Planned at
     * every execution ({@link PlannedEachTime}), so a plan cached while the table was empty is not
     * kept as it grows.
     */
    Map<Identifier, CustomerId> owners(Collection<Identifier> identifiers) {
        Map<Identifier, CustomerId> owners = new HashMap<>();
        if (identifiers.isEmpty()) {
            return owners;
        }
        PlannedEachTime.query(
                plain,
                """
                select i.kind, i.value, i.customer_id
                from unnest(?::text[], ?::text[]) as wanted(kind, value)
                cross join lateral (
                    select found.kind, found.value, found.customer_id from profiles_identifier found
                    where found.kind = wanted.kind and found.value = wanted.value
                    limit 1
                ) i
                """,
                List.of(
                        identifiers.stream().map(id -> id.kind().code()).toArray(String[]::new),
                        identifiers.stream().map(Identifier::value).toArray(String[]::new)),
                (rs, row) -> owners.put(
                        new Identifier(
                                IdentifierKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("value")),
                        CustomerId.of(rs.getString("customer_id"))));
        return owners;
    }

    void assign(TenantId tenant, Map<Identifier, CustomerId> assignments, Instant now) {
        if (assignments.isEmpty()) {
            return;
        }
        int size = assignments.size();
        String[] kinds = new String[size];
        String[] values = new String[size];
        String[] customers = new String[size];
        int i = 0;
        for (Map.Entry<Identifier, CustomerId> entry : assignments.entrySet()) {
            kinds[i] = entry.getKey().kind().code();
            values[i] = entry.getKey().value();
            customers[i++] = entry.getValue().value();
        }
        jdbc.sql("""
                insert into profiles_identifier (tenant_id, kind, value, customer_id, created_at)
                select :tenant, k, v, c, :now from unnest(:kinds::text[], :values::text[], :customers::text[]) as t(k, v, c)
                on conflict do nothing
                """)
                .param("tenant", tenant.value())
                .param("now", Timestamp.from(now))
                .param("kinds", kinds)
                .param("values", values)
                .param("customers", customers)
                .update();
    }

    List<Identifier> of(CustomerId customer) {
        return jdbc.sql(
                        "select kind, value from profiles_identifier where customer_id = :customer order by kind, value")
                .param("customer", customer.value())
                .query((rs, row) -> new Identifier(
                        IdentifierKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("value")))
                .list();
    }

    Map<CustomerId, List<Identifier>> ofAll(Collection<CustomerId> customers) {
        Map<CustomerId, List<Identifier>> identifiers = new HashMap<>();
        jdbc.sql("""
                select customer_id, kind, value from profiles_identifier
                where customer_id in (:customers) order by customer_id, kind, value
                """)
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query(rs -> {
                    identifiers
                            .computeIfAbsent(CustomerId.of(rs.getString("customer_id")), id -> new ArrayList<>())
                            .add(new Identifier(
                                    IdentifierKind.fromCode(rs.getString("kind"))
                                            .orElseThrow(),
                                    rs.getString("value")));
                });
        return identifiers;
    }

    void move(CustomerId from, CustomerId to) {
        jdbc.sql("update profiles_identifier set customer_id = :to where customer_id = :from")
                .param("to", to.value())
                .param("from", from.value())
                .update();
    }

    void moveKeys(Collection<Identifier> identifiers, CustomerId from, CustomerId to) {
        jdbc.sql("""
                update profiles_identifier i set customer_id = :to
                from unnest(:kinds::text[], :values::text[]) as moved(kind, value)
                where i.customer_id = :from and i.kind = moved.kind and i.value = moved.value
                """)
                .param("to", to.value())
                .param("from", from.value())
                .param("kinds", identifiers.stream().map(id -> id.kind().code()).toArray(String[]::new))
                .param("values", identifiers.stream().map(Identifier::value).toArray(String[]::new))
                .update();
    }

    /**
     * Customers that were given an identifier, or took part in a merge made or undone, at or after
     * {@code since}: whose identities a cache kept on another node must read again.
     */
    Set<CustomerId> changedSince(TenantId tenant, Instant since) {
        return new HashSet<>(jdbc.sql("""
                        select customer_id from profiles_identifier where tenant_id = :tenant and created_at >= :since
                        union
                        select unnest(array[survivor, absorbed]) from profiles_merge
                         where tenant_id = :tenant and (merged_at >= :since or undone_at >= :since)
                        """)
                .param("tenant", tenant.value())
                .param("since", Timestamp.from(since))
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .list());
    }
}
