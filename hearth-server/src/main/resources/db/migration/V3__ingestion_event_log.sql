-- The append-only event log, partitioned by month of arrival so that old months can be detached
-- and dropped whole. A default partition catches anything no monthly partition covers yet.
CREATE TABLE ingestion_event (
    tenant_id    uuid NOT NULL,
    event_id     uuid NOT NULL,
    source_id    uuid NOT NULL,
    message_id   text NOT NULL,
    type         text NOT NULL,
    event        text,
    user_id      text,
    anonymous_id text,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    payload      jsonb NOT NULL
) PARTITION BY RANGE (received_at);

CREATE TABLE ingestion_event_default PARTITION OF ingestion_event DEFAULT;

CREATE INDEX ingestion_event_by_time ON ingestion_event (tenant_id, occurred_at DESC, event_id DESC);
CREATE INDEX ingestion_event_by_user ON ingestion_event (tenant_id, user_id, occurred_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX ingestion_event_by_anonymous ON ingestion_event (tenant_id, anonymous_id, occurred_at DESC)
    WHERE anonymous_id IS NOT NULL;

-- Message ids seen per source: inserting here first is what makes a resent event a no-op.
CREATE TABLE ingestion_message (
    tenant_id   uuid NOT NULL,
    source_id   uuid NOT NULL,
    message_id  text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, source_id, message_id)
);

-- Resumable imports remember how far each file got.
CREATE TABLE ingestion_import_checkpoint (
    tenant_id    uuid NOT NULL,
    import_key   text NOT NULL,
    line_number  bigint NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, import_key)
);

ALTER TABLE ingestion_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingestion_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingestion_import_checkpoint ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ingestion_event
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON ingestion_message
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON ingestion_import_checkpoint
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Creates the monthly partitions from this month to months_ahead ahead. Runs as the owner, since
-- the application role may not create tables.
CREATE FUNCTION ingestion_ensure_partitions(months_ahead int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
    AS $$
DECLARE
    month_start date;
    created int := 0;
    partition_name text;
BEGIN
    FOR i IN 0..months_ahead LOOP
        month_start := (date_trunc('month', now()) + make_interval(months => i))::date;
        partition_name := 'ingestion_event_' || to_char(month_start, 'YYYY_MM');
        IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = partition_name) THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF ingestion_event FOR VALUES FROM (%L) TO (%L)',
                           partition_name, month_start, (month_start + interval '1 month')::date);
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;
REVOKE ALL ON FUNCTION ingestion_ensure_partitions(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ingestion_ensure_partitions(int) TO ${appUser};
SELECT ingestion_ensure_partitions(2);
