package io.hearth.privacy.internal;

import io.hearth.privacy.Consent;
import io.hearth.privacy.internal.ConsentDiff.Key;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The merges consents follow, and the answers that are in force once they are followed: a customer's
 * own current answers combined with those of every customer merged into it (transitively), the most
 * recent choice per purpose and channel winning and, at the same instant, a withdrawal winning over a
 * grant. Runs in the caller's tenant.
 */
@Repository
class ConsentLinks {

    /** Merges nest at most this deep; a deeper chain (or a cycle) stops the walk instead of looping. */
    private static final int MAX_DEPTH = 64;

    private static final String ACTIVE = "m.tenant_id = :tenant and m.undone_at is null";

    private final JdbcClient jdbc;

    ConsentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the absorbed customer's answers count for the survivor; answers whether it was new. */
    boolean link(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId absorbed, Instant now) {
        return jdbc.sql("""
                        insert into privacy_consent_merge (tenant_id, merge_id, survivor, absorbed, merged_at)
                        values (:tenant, :merge, :survivor, :absorbed, :now)
                        on conflict do nothing
                        """)
                        .param("tenant", tenant.value())
                        .param("merge", mergeId)
                        .param("survivor", survivor.value())
                        .param("absorbed", absorbed.value())
                        .param("now", ConsentRepository.timestamp(now))
                        .update()
                == 1;
    }

    /**
     * Ends the merge. An unmerge that arrives before its merge is stored as already undone, so the late
     * merge then changes nothing. Answers whether the merge was in force until now.
     */
    boolean unlink(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId restored, Instant now) {
        return jdbc.sql("""
                        insert into privacy_consent_merge (tenant_id, merge_id, survivor, absorbed, merged_at, undone_at)
                        values (:tenant, :merge, :survivor, :absorbed, :now, :now)
                        on conflict (tenant_id, merge_id) do update set undone_at = excluded.undone_at
                         where privacy_consent_merge.undone_at is null
                        """)
                        .param("tenant", tenant.value())
                        .param("merge", mergeId)
                        .param("survivor", survivor.value())
                        .param("absorbed", restored.value())
                        .param("now", ConsentRepository.timestamp(now))
                        .update()
                == 1;
    }

    /** The customer each given one is merged into, at the end of the chain; itself when it is not merged. */
    Map<CustomerId, CustomerId> roots(TenantId tenant, Collection<CustomerId> customers) {
        Map<CustomerId, CustomerId> roots = new HashMap<>();
        if (customers.isEmpty()) {
            return roots;
        }
        jdbc.sql("""
                with recursive up(start, customer_id, depth) as (
                    select c, c, 0 from unnest(array[:customers]::text[]) c
                    union all
                    select up.start, m.survivor, up.depth + 1
                      from privacy_consent_merge m join up on m.absorbed = up.customer_id
                     where %s and up.depth < %d
                )
                select distinct on (start) start, customer_id from up order by start, depth desc
                """.formatted(ACTIVE, MAX_DEPTH))
                .param("tenant", tenant.value())
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query(rs -> {
                    roots.put(CustomerId.of(rs.getString("start")), CustomerId.of(rs.getString("customer_id")));
                });
        return roots;
    }

    /** The customer and every customer merged into it, transitively. */
    List<CustomerId> members(TenantId tenant, CustomerId root) {
        return jdbc.sql("""
                with recursive down(customer_id, depth) as (
                    select :root::text, 0
                    union
                    select m.absorbed, down.depth + 1
                      from privacy_consent_merge m join down on m.survivor = down.customer_id
                     where %s and down.depth < %d
                )
                select distinct customer_id from down
                """.formatted(ACTIVE, MAX_DEPTH))
                .param("tenant", tenant.value())
                .param("root", root.value())
                .query((rs, row) -> CustomerId.of(rs.getString("customer_id")))
                .list();
    }

    /** The answers in force for each given root; a root without any has no entry. */
    Map<CustomerId, Map<Key, Consent>> inForce(TenantId tenant, Collection<CustomerId> roots) {
        Map<CustomerId, Map<Key, Consent>> answers = new HashMap<>();
        if (roots.isEmpty()) {
            return answers;
        }
        jdbc.sql("""
                with recursive down(root, customer_id, depth) as (
                    select r, r, 0 from unnest(array[:roots]::text[]) r
                    union
                    select down.root, m.absorbed, down.depth + 1
                      from privacy_consent_merge m join down on m.survivor = down.customer_id
                     where %s and down.depth < %d
                )
                select distinct on (down.root, c.purpose, c.channel)
                       down.root, c.purpose, c.channel, c.granted, c.source, c.occurred_at, c.proof, c.recorded_at
                  from down join privacy_consent c on c.tenant_id = :tenant and c.customer_id = down.customer_id
                 order by down.root, c.purpose, c.channel, c.occurred_at desc, c.granted, c.recorded_at desc
                """.formatted(ACTIVE, MAX_DEPTH))
                .param("tenant", tenant.value())
                .param("roots", roots.stream().map(CustomerId::value).toList())
                .query(rs -> {
                    Consent consent = ConsentRepository.consent(rs);
                    answers.computeIfAbsent(CustomerId.of(rs.getString("root")), root -> new HashMap<>())
                            .put(Key.of(consent), consent);
                });
        return answers;
    }
}
