package io.hearth.predictions.internal;

import io.hearth.predictions.DriftAlert;
import io.hearth.predictions.PredictionDriftDetected;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The shop's drift alerts: each {@link PredictionDriftDetected} becomes one, shown on the models page
 * and listed by the API. Written before the measuring transaction commits, so an alert exists exactly
 * when the drift row says it went out, and a repeated event raises nothing twice.
 */
@Component
class DriftAlerts {

    private final JdbcClient jdbc;
    private final InTenant inTenant;

    DriftAlerts(JdbcClient jdbc, InTenant inTenant) {
        this.jdbc = jdbc;
        this.inTenant = inTenant;
    }

    // Runs in the publisher's transaction, with its tenant entered (DriftMonitor publishes inside it).
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(PredictionDriftDetected drift) {
        jdbc.sql("""
                insert into predictions_drift_alert (tenant_id, model_version, feature, psi, threshold, raised_at)
                values (:tenant, :version, :feature, :psi, :threshold, :at)
                on conflict do nothing
                """)
                .param("tenant", drift.tenantId().value())
                .param("version", drift.modelVersion())
                .param("feature", drift.feature())
                .param("psi", drift.psi())
                .param("threshold", drift.threshold())
                .param("at", Timestamp.from(drift.at()))
                .update();
    }

    List<DriftAlert> recent(TenantId tenant, int limit) {
        return inTenant.call(
                tenant,
                () -> jdbc.sql("""
                        select model_version, feature, psi, threshold, raised_at from predictions_drift_alert
                        order by raised_at desc, model_version, feature limit :limit
                        """)
                        .param("limit", limit)
                        .query((row, n) -> new DriftAlert(
                                row.getString("model_version"),
                                row.getString("feature"),
                                row.getDouble("psi"),
                                row.getDouble("threshold"),
                                row.getTimestamp("raised_at").toInstant()))
                        .list());
    }
}
