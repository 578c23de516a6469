package io.hearth.support.internal;

import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's widget secret and the one before it, sealed; in the caller's tenant. */
@Repository
class WidgetSecretStore {

    /** Sealed values as stored. */
    record Row(
            String secretSealed,
            Instant createdAt,
            @Nullable String previousSealed,
            @Nullable Instant previousValidUntil) {}

    private final JdbcClient jdbc;

    WidgetSecretStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new secret; the current one becomes the previous until {@code previousValidUntil} (null: dropped). */
    void rotate(TenantId tenant, String sealed, Instant now, @Nullable Instant previousValidUntil) {
        jdbc.sql("""
                insert into support_widget_secret (tenant_id, secret_sealed, created_at)
                values (:t, :secret, :now)
                on conflict (tenant_id) do update set
                  previous_sealed = case when :keep then support_widget_secret.secret_sealed end,
                  previous_valid_until = case when :keep then cast(:until as timestamptz) end,
                  secret_sealed = excluded.secret_sealed, created_at = excluded.created_at
                """)
                .param("t", tenant.value())
                .param("secret", sealed)
                .param("now", Timestamp.from(now))
                .param("keep", previousValidUntil != null)
                .param("until", previousValidUntil == null ? null : Timestamp.from(previousValidUntil))
                .update();
    }

    Optional<Row> row(TenantId tenant) {
        return jdbc.sql("""
                select secret_sealed, created_at, previous_sealed, previous_valid_until
                from support_widget_secret where tenant_id = :t
                """)
                .param("t", tenant.value())
                .query((rs, n) -> new Row(
                        rs.getString("secret_sealed"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("previous_sealed"),
                        rs.getTimestamp("previous_valid_until") == null
                                ? null
                                : rs.getTimestamp("previous_valid_until").toInstant()))
                .optional();
    }
}
