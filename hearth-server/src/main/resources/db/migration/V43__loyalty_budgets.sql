-- Campaign budgets in points. A draw takes the budget row's lock and never passes the total: the
-- last award gets what is left (a partial reward), later ones get nothing.
CREATE TABLE loyalty_budget (
    tenant_id uuid NOT NULL,
    budget_id text NOT NULL CHECK (char_length(budget_id) BETWEEN 1 AND 100),
    name      text NOT NULL,
    total     bigint NOT NULL CHECK (total >= 0),
    spent     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, budget_id),
    CHECK (spent BETWEEN 0 AND total)
);

ALTER TABLE loyalty_challenge ADD COLUMN budget_id text;

ALTER TABLE loyalty_budget ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_budget
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
