-- What the next-best-action agent learns from: every message a journey sent, its action (template on
-- a channel) and whether the customer opened or clicked it.
CREATE TABLE journeys_response (
    tenant_id   uuid NOT NULL,
    message_id  uuid NOT NULL,
    customer_id text NOT NULL,
    journey_key text NOT NULL,
    template    text NOT NULL,
    channel     text NOT NULL,
    sent_at     timestamptz NOT NULL,
    engaged_at  timestamptz,
    PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX journeys_response_by_customer ON journeys_response (tenant_id, customer_id, sent_at DESC);
CREATE INDEX journeys_response_by_action ON journeys_response (tenant_id, template, channel);
ALTER TABLE journeys_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journeys_response
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
