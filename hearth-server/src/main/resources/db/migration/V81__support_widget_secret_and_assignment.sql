-- The secret a shop's backend signs its signed-in customers' chat tokens with (HMAC-SHA256), sealed
-- with Hearth's secret key. Rotating keeps the previous secret valid for a while, so pages already
-- carrying a token keep working while the shop's backend switches to the new secret.
CREATE TABLE support_widget_secret (
    tenant_id            uuid PRIMARY KEY,
    secret_sealed        text NOT NULL,
    created_at           timestamptz NOT NULL,
    previous_sealed      text,
    previous_valid_until timestamptz
);

ALTER TABLE support_widget_secret ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_widget_secret
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- The agent an escalated conversation is assigned to (the shop's own name for the agent); null while
-- it waits in its queue for anyone.
ALTER TABLE support_conversation ADD COLUMN assigned_to text;
CREATE INDEX support_conversation_by_assignee ON support_conversation (tenant_id, assigned_to)
    WHERE assigned_to IS NOT NULL;
