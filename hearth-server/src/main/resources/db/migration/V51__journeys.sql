-- Journeys: published definition versions (insert-only), runs with their timer (due_at), and the
-- log of what each run did per step, which measurement counts.
CREATE TABLE journeys_definition (
    tenant_id    uuid NOT NULL,
    journey_key  text NOT NULL CHECK (char_length(journey_key) BETWEEN 1 AND 100),
    version      int NOT NULL,
    definition   jsonb NOT NULL,
    source       text NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, journey_key, version)
);

CREATE TABLE journeys_run (
    tenant_id    uuid NOT NULL,
    run_id       uuid NOT NULL,
    journey_key  text NOT NULL,
    version      int NOT NULL,
    customer_id  text NOT NULL,
    entry_key    text NOT NULL,
    status       text NOT NULL,
    step_id      text,
    due_at       timestamptz,
    wait_event   text,
    variant      text,
    context      jsonb NOT NULL DEFAULT '{}',
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    exit_reason  text,
    PRIMARY KEY (tenant_id, run_id),
    UNIQUE (tenant_id, journey_key, entry_key),
    FOREIGN KEY (tenant_id, journey_key, version) REFERENCES journeys_definition
);
CREATE INDEX journeys_run_due ON journeys_run (due_at) WHERE status = 'active';
CREATE INDEX journeys_run_by_customer ON journeys_run (tenant_id, customer_id) WHERE status = 'active';

CREATE TABLE journeys_step_log (
    tenant_id    uuid NOT NULL,
    run_id       uuid NOT NULL,
    journey_key  text NOT NULL,
    step_id      text NOT NULL,
    variant      text,
    outcome      text NOT NULL,
    reason       text,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX journeys_step_log_by_journey ON journeys_step_log (tenant_id, journey_key, step_id);
CREATE INDEX journeys_step_log_by_run ON journeys_step_log (tenant_id, run_id);

-- Side effects outside our database (webhook calls) claimed before they happen, in their own commit:
-- a claimed (run, step) is never done again, even when the run's own transaction rolled back.
CREATE TABLE journeys_effect (
    tenant_id  uuid NOT NULL,
    run_id     uuid NOT NULL,
    step_id    text NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, run_id, step_id)
);
ALTER TABLE journeys_effect ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journeys_effect
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

ALTER TABLE journeys_definition ENABLE ROW LEVEL SECURITY;
ALTER TABLE journeys_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE journeys_step_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journeys_definition
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON journeys_run
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON journeys_step_log
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Runs of every tenant whose timer is due: the timer job runs outside any tenant, so this owner-run
-- function tells it which runs have work, and nothing else.
CREATE FUNCTION journeys_due_runs(p_now timestamptz, p_limit int)
    RETURNS TABLE (tenant_id uuid, run_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, run_id FROM journeys_run
          WHERE status = 'active' AND due_at <= p_now
          ORDER BY due_at LIMIT p_limit $$;
REVOKE ALL ON FUNCTION journeys_due_runs(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION journeys_due_runs(timestamptz, int) TO ${appUser};
