-- Conversion against the holdout: a run is converted by the customer's first order placed within the
-- conversion window after it started; held_out marks runs of customers in the global holdout (split
-- holdouts are runs whose variant is 'holdout').
ALTER TABLE journeys_run
    ADD COLUMN held_out boolean NOT NULL DEFAULT false,
    ADD COLUMN converted_at timestamptz,
    ADD COLUMN conversion_order text,
    ADD COLUMN conversion_revenue numeric(14, 2);
CREATE INDEX journeys_run_unconverted ON journeys_run (tenant_id, customer_id, started_at) WHERE converted_at IS NULL;
