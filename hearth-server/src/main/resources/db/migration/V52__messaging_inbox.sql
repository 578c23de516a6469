-- The in-app inbox: messages on the in-app channel wait here until the shop's app or site reads them.
CREATE TABLE messaging_inbox (
    tenant_id   uuid NOT NULL,
    message_id  uuid NOT NULL,
    customer_id text NOT NULL,
    title       text,
    body        text,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz,
    PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX messaging_inbox_by_customer ON messaging_inbox (tenant_id, customer_id, created_at DESC);
ALTER TABLE messaging_inbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messaging_inbox
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
