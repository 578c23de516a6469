package io.hearth.segments.internal;

import io.hearth.segments.Segment;
import io.hearth.segments.SegmentId;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Segment definitions and membership; runs in the caller's tenant transaction. */
@Repository
class SegmentRepository {

    private static final String SEGMENT_COLUMNS = """
            d.segment_id, d.name, d.expression, d.created_at, d.updated_at,
            (select count(*) from segments_membership m
              where m.tenant_id = d.tenant_id and m.segment_id = d.segment_id) as member_count
            """;

    private final JdbcClient jdbc;

    SegmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers false when the tenant already has a segment of that name. */
    boolean insert(TenantId tenant, SegmentId segment, String name, String expression, Instant now) {
        return jdbc.sql("""
                insert into segments_definition (tenant_id, segment_id, name, expression, created_at, updated_at)
                values (:tenant, :segment, :name, :expression, :now, :now)
                on conflict (tenant_id, name) do nothing
                """)
                        .param("tenant", tenant.value())
                        .param("segment", segment.value())
                        .param("name", name)
                        .param("expression", expression)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Changes name and expression; the row stays locked until the transaction ends. */
    boolean update(TenantId tenant, SegmentId segment, String name, String expression, Instant now) {
        return jdbc.sql("""
                update segments_definition set name = :name, expression = :expression, updated_at = :now
                where tenant_id = :tenant and segment_id = :segment
                """)
                        .param("tenant", tenant.value())
                        .param("segment", segment.value())
                        .param("name", name)
                        .param("expression", expression)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean any(TenantId tenant) {
        return jdbc.sql("select exists (select 1 from segments_definition where tenant_id = :tenant)")
                .param("tenant", tenant.value())
                .query(Boolean.class)
                .single();
    }

    boolean nameTakenByAnother(TenantId tenant, SegmentId segment, String name) {
        return jdbc.sql("""
                select exists (select 1 from segments_definition
                               where tenant_id = :tenant and name = :name and segment_id <> :segment)
                """)
                .param("tenant", tenant.value())
                .param("segment", segment.value())
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    boolean delete(TenantId tenant, SegmentId segment) {
        return jdbc.sql("delete from segments_definition where tenant_id = :tenant and segment_id = :segment")
                        .param("tenant", tenant.value())
                        .param("segment", segment.value())
                        .update()
                == 1;
    }

    Optional<Segment> find(TenantId tenant, SegmentId segment) {
        return jdbc.sql("select " + SEGMENT_COLUMNS
                        + " from segments_definition d where d.tenant_id = :tenant and d.segment_id = :segment")
                .param("tenant", tenant.value())
                .param("segment", segment.value())
                .query((rs, row) -> segment(rs))
                .optional();
    }

    List<Segment> all(TenantId tenant) {
        return jdbc.sql("select " + SEGMENT_COLUMNS + " from segments_definition d where d.tenant_id = :tenant"
                        + " order by d.name")
                .param("tenant", tenant.value())
                .query((rs, row) -> segment(rs))
                .list();
    }

    List<Segment> containing(TenantId tenant, CustomerId customer) {
        return jdbc.sql("select " + SEGMENT_COLUMNS + """
                         from segments_definition d
                         join segments_membership s on s.tenant_id = d.tenant_id and s.segment_id = d.segment_id
                        where d.tenant_id = :tenant and s.customer_id = :customer order by d.name
                        """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query((rs, row) -> segment(rs))
                .list();
    }

    /**
     * The tenant's expressions, read with a share lock: a segment being saved waits for evaluations
     * under its old expression to finish, and evaluations wait for the saved one.
     */
    List<Definition> definitionsLocked(TenantId tenant) {
        return jdbc.sql("""
                select segment_id, expression from segments_definition where tenant_id = :tenant
                order by segment_id for share
                """)
                .param("tenant", tenant.value())
                .query((rs, row) -> new Definition(
                        new SegmentId(rs.getObject("segment_id", UUID.class)), rs.getString("expression")))
                .list();
    }

    Optional<Definition> definitionLocked(TenantId tenant, SegmentId segment) {
        return jdbc.sql("""
                select segment_id, expression from segments_definition
                where tenant_id = :tenant and segment_id = :segment for share
                """)
                .param("tenant", tenant.value())
                .param("segment", segment.value())
                .query((rs, row) -> new Definition(segment, rs.getString("expression")))
                .optional();
    }

    /** For each of these customers, the segments they are in. */
    Map<CustomerId, Set<SegmentId>> memberships(TenantId tenant, Collection<CustomerId> customers) {
        Map<CustomerId, Set<SegmentId>> memberships = new HashMap<>();
        if (customers.isEmpty()) {
            return memberships;
        }
        jdbc.sql("""
                select customer_id, segment_id from segments_membership
                where tenant_id = :tenant and customer_id in (:customers)
                """)
                .param("tenant", tenant.value())
                .param("customers", values(customers))
                .query(rs -> {
                    memberships
                            .computeIfAbsent(CustomerId.of(rs.getString("customer_id")), id -> new HashSet<>())
                            .add(new SegmentId(rs.getObject("segment_id", UUID.class)));
                });
        return memberships;
    }

    /** Adds the customers to the segment; answers those who were not in it yet. */
    List<CustomerId> enter(TenantId tenant, SegmentId segment, Collection<CustomerId> customers, Instant now) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                insert into segments_membership (tenant_id, segment_id, customer_id, entered_at)
                select :tenant, :segment, c, :now from unnest(array[:customers]::text[]) c
                on conflict do nothing returning customer_id
                """)
                .param("tenant", tenant.value())
                .param("segment", segment.value())
                .param("customers", values(customers))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .list();
    }

    /** Removes the customers from the segment; answers those who were in it. */
    List<CustomerId> exit(TenantId tenant, SegmentId segment, Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                delete from segments_membership
                where tenant_id = :tenant and segment_id = :segment and customer_id in (:customers)
                returning customer_id
                """)
                .param("tenant", tenant.value())
                .param("segment", segment.value())
                .param("customers", values(customers))
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .list();
    }

    /** Members in customer id order after the given one. */
    List<CustomerId> members(TenantId tenant, SegmentId segment, int limit, @Nullable CustomerId after) {
        return jdbc.sql("""
                select customer_id from segments_membership
                where tenant_id = :tenant and segment_id = :segment
                  and (:after::text is null or customer_id > :after)
                order by customer_id limit :limit
                """)
                .param("tenant", tenant.value())
                .param("segment", segment.value())
                .param("after", after == null ? null : after.value())
                .param("limit", limit)
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .list();
    }

    private static List<String> values(Collection<CustomerId> customers) {
        return customers.stream().map(CustomerId::value).toList();
    }

    private static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(
                new SegmentId(rs.getObject("segment_id", UUID.class)),
                rs.getString("name"),
                rs.getString("expression"),
                rs.getLong("member_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** A segment's id and expression, as evaluation needs them. */
    record Definition(SegmentId segmentId, String expression) {}
}
