-- Which consumers are done with a batch whose delivery failed for another one, so that a batch
-- delivered again reaches only the consumers still owing it. Rows exist only between a partial
-- failure and the retry that completes the batch.
CREATE TABLE ingestion_batch_consumed (
    tenant_id   uuid        NOT NULL,
    batch_key   uuid        NOT NULL, -- the id of the batch's first event
    consumer    text        NOT NULL,
    consumed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, batch_key, consumer)
);

ALTER TABLE ingestion_batch_consumed ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ingestion_batch_consumed
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Batches used to have one publication per listening module. Those still outstanding become one
-- publication of the dispatcher that now feeds every module (each module's work is idempotent).
WITH outstanding AS (
    SELECT id, row_number() OVER (PARTITION BY serialized_event ORDER BY publication_date, id) AS n
    FROM event_publication
    WHERE event_type = 'io.hearth.ingestion.EventsIngested' AND completion_date IS NULL
)
DELETE FROM event_publication p USING outstanding o WHERE p.id = o.id AND o.n > 1;

UPDATE event_publication
SET listener_id = 'io.hearth.ingestion.internal.IngestedEventsDispatcher.on(io.hearth.ingestion.EventsIngested)'
WHERE event_type = 'io.hearth.ingestion.EventsIngested' AND completion_date IS NULL;
