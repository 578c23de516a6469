-- Addresses that must not be sent to again on a channel: a hard bounce (the address does not exist),
-- a complaint (the recipient marked a message as spam) or a provider saying the number or token is
-- gone. Keyed by the address, not the customer, so a customer who gives a new address can be reached.
CREATE TABLE messaging_suppression (
    tenant_id    uuid NOT NULL,
    channel      text NOT NULL,
    address      text NOT NULL,
    customer_id  text NOT NULL,
    reason       text NOT NULL,
    detail       text,
    message_id   uuid,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, channel, address)
);
CREATE INDEX messaging_suppression_by_customer ON messaging_suppression (tenant_id, customer_id);
ALTER TABLE messaging_suppression ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messaging_suppression
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
