-- Awards waiting for the decision log. An earn writes its decision here in its own transaction (one
-- commit per earn, nothing lost on a crash); one drainer per node moves them into the tenant's
-- hash chain in batches, under one chain-head lock per batch instead of one per award, and deletes
-- them in the same transaction as the append.
CREATE TABLE loyalty_decision_outbox (
    tenant_id     uuid NOT NULL,
    id            bigserial NOT NULL,
    customer_id   text NOT NULL,
    decision_type text NOT NULL,
    inputs        text NOT NULL,
    model_version text NOT NULL,
    outcome       text NOT NULL,
    reason        text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

ALTER TABLE loyalty_decision_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_decision_outbox
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- The tenants with awards waiting, for the drainer, which has no tenant of its own.
CREATE FUNCTION loyalty_outbox_tenants()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT DISTINCT tenant_id FROM loyalty_decision_outbox $$;
REVOKE ALL ON FUNCTION loyalty_outbox_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loyalty_outbox_tenants() TO ${appUser};
