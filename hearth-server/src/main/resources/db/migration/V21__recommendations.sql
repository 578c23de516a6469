-- Recommendation models, one row per trained version (the newest few are kept), the slates served
-- (for attribution), what came back with their recommendation ids, and per-customer impressions
-- (for fatigue). Customer and product ids are other modules' ids, stored as text.
CREATE TABLE recommendations_model (
    tenant_id  uuid NOT NULL,
    version    bigint NOT NULL,
    trained_at timestamptz NOT NULL,
    summary    jsonb NOT NULL,
    data       bytea NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

CREATE TABLE recommendations_served (
    tenant_id         uuid NOT NULL,
    recommendation_id uuid NOT NULL,
    customer_id       text,
    surface           text NOT NULL,
    model_version     bigint NOT NULL,
    product_ids       text[] NOT NULL,
    strategies        text[] NOT NULL,
    served_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, recommendation_id)
);
CREATE INDEX recommendations_served_by_time ON recommendations_served (tenant_id, served_at);

CREATE TABLE recommendations_outcome (
    tenant_id         uuid NOT NULL,
    event_id          uuid NOT NULL,
    product_id        text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('click', 'conversion')),
    recommendation_id uuid NOT NULL,
    occurred_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id, product_id, kind)
);
CREATE INDEX recommendations_outcome_by_recommendation ON recommendations_outcome (tenant_id, recommendation_id);

CREATE TABLE recommendations_impression (
    tenant_id     uuid NOT NULL,
    customer_id   text NOT NULL,
    product_id    text NOT NULL,
    shown         int NOT NULL,
    last_shown_at timestamptz NOT NULL,
    engaged_at    timestamptz,
    PRIMARY KEY (tenant_id, customer_id, product_id)
);

ALTER TABLE recommendations_model ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendations_served ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendations_outcome ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendations_impression ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendations_model
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON recommendations_served
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON recommendations_outcome
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON recommendations_impression
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
