-- The shop's endpoint for the webhook channel: where messages on that channel are posted, and the
-- secret their HMAC signature is made with. One per tenant; replacing it rotates the secret.
CREATE TABLE messaging_webhook_endpoint (
    tenant_id   uuid PRIMARY KEY,
    url         text NOT NULL,
    secret      text NOT NULL,
    updated_at  timestamptz NOT NULL
);
ALTER TABLE messaging_webhook_endpoint ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messaging_webhook_endpoint
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
