-- The model registry: every trained version of every kind per tenant, good or not, with what it was
-- trained on, its figures and its artefact (JSON bytes). Versions are numbered per (tenant, kind).
CREATE TABLE predictions_model (
    tenant_id    uuid NOT NULL,
    kind         text NOT NULL,
    version      int NOT NULL,
    trained_at   timestamptz NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    customers    bigint NOT NULL,
    transactions bigint NOT NULL,
    metrics      jsonb NOT NULL,
    parameters   jsonb NOT NULL,
    code_version text NOT NULL,
    good         boolean NOT NULL,
    reason       text,
    artefact     bytea NOT NULL,
    PRIMARY KEY (tenant_id, kind, version)
);

-- The last scores of each customer that thresholds are judged on, and the health parts that explain
-- what moved the score next time. Customer ids are the profiles module's (no foreign key).
CREATE TABLE predictions_score (
    tenant_id         uuid NOT NULL,
    customer_id       text NOT NULL,
    health            double precision NOT NULL,
    churn_risk        double precision NOT NULL,
    replenishment_due boolean NOT NULL,
    health_parts      jsonb NOT NULL,
    model_versions    text NOT NULL,
    scored_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

-- Drift measured per (serving version, feature); alerted_at is set once the alert event went out.
CREATE TABLE predictions_drift (
    tenant_id     uuid NOT NULL,
    model_version text NOT NULL,
    feature       text NOT NULL,
    psi           double precision NOT NULL,
    measured_at   timestamptz NOT NULL,
    alerted_at    timestamptz,
    PRIMARY KEY (tenant_id, model_version, feature)
);

ALTER TABLE predictions_model ENABLE ROW LEVEL SECURITY;
ALTER TABLE predictions_score ENABLE ROW LEVEL SECURITY;
ALTER TABLE predictions_drift ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON predictions_model
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON predictions_score
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON predictions_drift
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
