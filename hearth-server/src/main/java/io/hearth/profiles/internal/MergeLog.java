package io.hearth.profiles.internal;

import io.hearth.profiles.Identifier;
import io.hearth.profiles.Merge;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of merges, with what each absorbed profile had, so that any merge can be undone. */
@Repository
class MergeLog {

    private static final String COLUMNS =
            "merge_id, survivor, absorbed, reason, absorbed_identifiers, merged_at, undone_at, undone_by";

    private final JdbcClient jdbc;

    MergeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(
            TenantId tenant,
            UUID mergeId,
            CustomerId survivor,
            CustomerId absorbed,
            String reason,
            List<Identifier> identifiers,
            String traitsJson,
            Instant at) {
        jdbc.sql("""
                insert into profiles_merge (tenant_id, merge_id, survivor, absorbed, reason, absorbed_identifiers,
                                            absorbed_traits, merged_at)
                values (:tenant, :merge, :survivor, :absorbed, :reason, :identifiers, :traits::jsonb, :at)
                """)
                .param("tenant", tenant.value())
                .param("merge", mergeId)
                .param("survivor", survivor.value())
                .param("absorbed", absorbed.value())
                .param("reason", reason)
                .param("identifiers", identifiers.stream().map(Identifier::key).toArray(String[]::new))
                .param("traits", traitsJson)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Merge> involving(CustomerId customer) {
        return jdbc.sql("select " + COLUMNS
                        + " from profiles_merge where survivor = :c or absorbed = :c order by merged_at")
                .param("c", customer.value())
                .query((rs, row) -> merge(rs))
                .list();
    }

    /** The merge that absorbed this profile and is still in force. */
    Optional<Merge> activeMergeOf(CustomerId absorbed) {
        return jdbc.sql("select " + COLUMNS + " from profiles_merge where absorbed = :c and undone_at is null")
                .param("c", absorbed.value())
                .query((rs, row) -> merge(rs))
                .optional();
    }

    String absorbedTraits(UUID mergeId) {
        return jdbc.sql("select absorbed_traits::text from profiles_merge where merge_id = :merge")
                .param("merge", mergeId)
                .query(String.class)
                .single();
    }

    void markUndone(UUID mergeId, String actor, Instant at) {
        jdbc.sql("update profiles_merge set undone_at = :at, undone_by = :actor where merge_id = :merge")
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("merge", mergeId)
                .update();
    }

    private static Merge merge(ResultSet rs) throws SQLException {
        Timestamp undone = rs.getTimestamp("undone_at");
        return new Merge(
                rs.getObject("merge_id", UUID.class),
                CustomerId.of(rs.getString("survivor")),
                CustomerId.of(rs.getString("absorbed")),
                rs.getString("reason"),
                Arrays.stream((String[]) rs.getArray("absorbed_identifiers").getArray())
                        .map(Identifier::fromKey)
                        .toList(),
                rs.getTimestamp("merged_at").toInstant(),
                undone == null ? null : undone.toInstant(),
                rs.getString("undone_by"));
    }
}
