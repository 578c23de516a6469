package io.hearth.predictions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Latest PSI per (serving version, feature) and whether its alert went out; callers are in the tenant. */
@Repository
class DriftStore {

    private final JdbcClient jdbc;

    DriftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the measurement; answers true when it is over the threshold and no alert went out yet. */
    boolean record(java.util.UUID tenant, String version, String feature, double psi, double threshold, Instant at) {
        Boolean alert = jdbc.sql("""
                insert into predictions_drift as d (tenant_id, model_version, feature, psi, measured_at, alerted_at)
                values (:tenant, :version, :feature, :psi, :at::timestamptz,
                    case when :psi::float8 > :threshold::float8 then :at::timestamptz end)
                on conflict (tenant_id, model_version, feature) do update set psi = excluded.psi,
                    measured_at = excluded.measured_at,
                    alerted_at = coalesce(d.alerted_at, excluded.alerted_at)
                returning d.alerted_at is not null and d.alerted_at = :at::timestamptz
                """)
                .param("tenant", tenant)
                .param("version", version)
                .param("feature", feature)
                .param("psi", psi)
                .param("threshold", threshold)
                .param("at", Timestamp.from(at))
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(alert);
    }
}
