-- Segments: a CEL expression per segment, and who is in it right now. Customer ids are the profiles
-- module's, stored as text (no foreign key across modules).
CREATE TABLE segments_definition (
    tenant_id  uuid NOT NULL,
    segment_id uuid NOT NULL,
    name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    expression text NOT NULL CHECK (octet_length(expression) <= 4096),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, segment_id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE segments_membership (
    tenant_id   uuid NOT NULL,
    segment_id  uuid NOT NULL,
    customer_id text NOT NULL,
    entered_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, segment_id, customer_id),
    FOREIGN KEY (tenant_id, segment_id) REFERENCES segments_definition ON DELETE CASCADE
);

-- "Which segments is this customer in" and exits on merge read by customer.
CREATE INDEX segments_membership_by_customer ON segments_membership (tenant_id, customer_id);

ALTER TABLE segments_definition ENABLE ROW LEVEL SECURITY;
ALTER TABLE segments_membership ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON segments_definition
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON segments_membership
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
