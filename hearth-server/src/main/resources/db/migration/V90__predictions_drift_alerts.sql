-- Drift alerts raised for the shop, one per PredictionDriftDetected (per serving version and feature),
-- listed on the console's models page and by GET /v1/predictions/drift/alerts until retraining makes
-- them history. The primary key keeps a repeated event from raising the same alert twice.
CREATE TABLE predictions_drift_alert (
    tenant_id     uuid NOT NULL,
    model_version text NOT NULL,
    feature       text NOT NULL,
    psi           double precision NOT NULL,
    threshold     double precision NOT NULL,
    raised_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, model_version, feature)
);

CREATE INDEX predictions_drift_alert_recent ON predictions_drift_alert (tenant_id, raised_at DESC);

ALTER TABLE predictions_drift_alert ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON predictions_drift_alert
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
