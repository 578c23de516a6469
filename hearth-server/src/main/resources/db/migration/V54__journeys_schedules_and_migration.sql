-- Schedule-triggered journeys: when each fires next (by the server's clock). The db-scheduler task
-- that fires them runs outside any tenant, so an owner-run function tells it which are due.
CREATE TABLE journeys_schedule (
    tenant_id     uuid NOT NULL,
    journey_key   text NOT NULL,
    next_at       timestamptz NOT NULL,
    last_fired_at timestamptz,
    PRIMARY KEY (tenant_id, journey_key)
);
CREATE INDEX journeys_schedule_due ON journeys_schedule (next_at);
ALTER TABLE journeys_schedule ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journeys_schedule
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

CREATE FUNCTION journeys_due_schedules(p_now timestamptz)
    RETURNS TABLE (tenant_id uuid, journey_key text, next_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, journey_key, next_at FROM journeys_schedule WHERE next_at <= p_now ORDER BY next_at $$;
REVOKE ALL ON FUNCTION journeys_due_schedules(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION journeys_due_schedules(timestamptz) TO ${appUser};

-- Migrating runs to a new version renames a step's timer keys in the run's context ("wait:pause" to
-- "wait:rest"), so a mapped wait keeps its deadline instead of starting over.
CREATE FUNCTION journeys_rename_key(j jsonb, old_key text, new_key text) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN j ? old_key THEN (j - old_key) || jsonb_build_object(new_key, j -> old_key) ELSE j END $$;
