-- The registry of a shop's trait definitions: identify calls are checked against it at ingestion.
CREATE TABLE ingestion_attribute (
    tenant_id   uuid NOT NULL,
    name        text NOT NULL,
    type        text NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date', 'enum')),
    required    boolean NOT NULL,
    "values"    text[] NOT NULL,
    minimum     numeric,
    maximum     numeric,
    max_length  integer,
    description text,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

ALTER TABLE ingestion_attribute ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ingestion_attribute
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
