package io.hearth.profiles.internal;

import io.hearth.profiles.MergeCandidate;
import io.hearth.profiles.MergeCandidate.Status;
import io.hearth.profiles.internal.MatchScorer.MatchScore;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Blocking keys and merge candidates; runs inside the caller's tenant transaction. */
@Repository
class MergeCandidateStore {

    private static final String COLUMNS = """
            candidate_id, first_customer, second_customer, score, similarities::text, status, proposed_at,
            decided_by, decided_at, merge_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MergeCandidateStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serializes the work on the tenant's keys and candidates for the rest of the transaction. It is
     * not the identity lock, so finding candidates never holds up identity resolution; a merge takes
     * the identity lock after this one, and resolution never takes this one, so the order is fixed.
     */
    void lockQueue(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('profiles-candidates:' || :tenant, 0))")
                .param("tenant", tenant.toString())
                .query()
                .singleRow();
    }

    /** The match fields of those profiles that are live (not merged into another). */
    Map<CustomerId, MatchFields> liveFields(Collection<CustomerId> customers) {
        Map<CustomerId, MatchFields> fields = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return fields;
        }
        jdbc.sql("""
                select customer_id, traits::text from profiles_customer
                where customer_id = any(:ids) and merged_into is null
                """)
                .param("ids", ids(customers))
                .query((rs, row) ->
                        fields.put(CustomerId.of(rs.getString(1)), MatchFields.of(json.readTree(rs.getString(2)))))
                .list();
        return fields;
    }

    boolean anyKeys(Collection<CustomerId> customers) {
        return !customers.isEmpty()
                && jdbc.sql("select exists (select 1 from profiles_match_key where customer_id = any(:ids))")
                        .param("ids", ids(customers))
                        .query(Boolean.class)
                        .single();
    }

    /** Replaces the blocking keys of these profiles; a profile left out of {@code keys} loses all of its. */
    void replaceKeys(TenantId tenant, Collection<CustomerId> customers, Map<CustomerId, Set<String>> keys) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.sql("delete from profiles_match_key where customer_id = any(:ids)")
                .param("ids", ids(customers))
                .update();
        List<Map.Entry<CustomerId, String>> rows = keys.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(key -> Map.entry(entry.getKey(), key)))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into profiles_match_key (tenant_id, match_key, customer_id)
                select :tenant, k, c from unnest(:keys::text[], :customers::text[]) as row(k, c)
                on conflict do nothing
                """)
                .param("tenant", tenant.value())
                .param("keys", rows.stream().map(Map.Entry::getValue).toArray(String[]::new))
                .param(
                        "customers",
                        rows.stream().map(row -> row.getKey().value()).toArray(String[]::new))
                .update();
    }

    /** Live profiles sharing a blocking key with each of these, at most {@code limit} per profile. */
    Map<CustomerId, Set<CustomerId>> peers(Collection<CustomerId> customers, int limit) {
        Map<CustomerId, Set<CustomerId>> peers = new HashMap<>();
        if (customers.isEmpty()) {
            return peers;
        }
        jdbc.sql("""
                select customer_id, peer from (
                    select distinct mine.customer_id, other.customer_id as peer
                    from profiles_match_key mine
                    join profiles_match_key other
                      on other.tenant_id = mine.tenant_id and other.match_key = mine.match_key
                     and other.customer_id <> mine.customer_id
                    join profiles_customer p
                      on p.tenant_id = other.tenant_id and p.customer_id = other.customer_id and p.merged_into is null
                    where mine.customer_id = any(:ids)) pairs
                """)
                .param("ids", ids(customers))
                .query((rs, row) -> {
                    Set<CustomerId> found =
                            peers.computeIfAbsent(CustomerId.of(rs.getString(1)), customer -> new LinkedHashSet<>());
                    if (found.size() < limit) {
                        found.add(CustomerId.of(rs.getString(2)));
                    }
                    return found;
                })
                .list();
        return peers;
    }

    /**
     * Proposes the pair (in canonical order) or refreshes the score of its pending proposal. Answers
     * the candidate id while it is pending, empty once decided: a decided pair is never proposed again.
     */
    Optional<UUID> propose(TenantId tenant, CustomerId first, CustomerId second, MatchScore score, Instant now) {
        return jdbc.sql("""
                insert into profiles_merge_candidate (tenant_id, candidate_id, first_customer, second_customer, score,
                                                      similarities, status, proposed_at, updated_at)
                values (:tenant, :candidate, :first, :second, :score, :similarities::jsonb, 'pending', :now, :now)
                on conflict (tenant_id, first_customer, second_customer) do update
                    set score = excluded.score, similarities = excluded.similarities, updated_at = excluded.updated_at
                    where profiles_merge_candidate.status = 'pending'
                returning candidate_id
                """)
                .param("tenant", tenant.value())
                .param("candidate", UUID.randomUUID())
                .param("first", first.value())
                .param("second", second.value())
                .param("score", score.score())
                .param("similarities", json.writeValueAsString(score.similarities()))
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /** The candidate, locked for a decision until the transaction ends. */
    Optional<MergeCandidate> lock(UUID candidate) {
        return jdbc.sql("select " + COLUMNS + " from profiles_merge_candidate where candidate_id = :id for update")
                .param("id", candidate)
                .query((rs, row) -> candidate(rs))
                .optional();
    }

    List<MergeCandidate> list(Status status, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from profiles_merge_candidate where status = :status
                order by score desc, proposed_at, candidate_id limit :limit
                """)
                .param("status", status.code())
                .param("limit", limit)
                .query((rs, row) -> candidate(rs))
                .list();
    }

    void decide(UUID candidate, Status status, String actor, Instant now, @Nullable UUID mergeId) {
        jdbc.sql("""
                update profiles_merge_candidate
                set status = :status, decided_by = :actor, decided_at = :now, updated_at = :now, merge_id = :merge
                where candidate_id = :id
                """)
                .param("status", status.code())
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .param("merge", mergeId)
                .param("id", candidate)
                .update();
    }

    private MergeCandidate candidate(ResultSet rs) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new MergeCandidate(
                rs.getObject("candidate_id", UUID.class),
                CustomerId.of(rs.getString("first_customer")),
                CustomerId.of(rs.getString("second_customer")),
                rs.getBigDecimal("score").doubleValue(),
                json.readValue(rs.getString("similarities"), new TypeReference<Map<String, Double>>() {}),
                Status.fromCode(rs.getString("status")).orElseThrow(),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getObject("merge_id", UUID.class));
    }

    private static String[] ids(Collection<CustomerId> customers) {
        return customers.stream().map(CustomerId::value).distinct().toArray(String[]::new);
    }
}
