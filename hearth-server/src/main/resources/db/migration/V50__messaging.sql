-- Messaging: published template versions (immutable), every message with its delivery state, what
-- recipients did with it, and one signing secret per tenant for tracking links.
CREATE TABLE messaging_template (
    tenant_id      uuid NOT NULL,
    template_key   text NOT NULL CHECK (char_length(template_key) BETWEEN 1 AND 100),
    version        int NOT NULL,
    definition     jsonb NOT NULL,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, template_key, version)
);

CREATE TABLE messaging_message (
    tenant_id        uuid NOT NULL,
    message_id       uuid NOT NULL,
    idempotency_key  text NOT NULL,
    customer_id      text NOT NULL,
    channel          text NOT NULL,
    purpose          text NOT NULL,
    template_key     text NOT NULL,
    template_version int,
    content_key      text NOT NULL,
    journey          text,
    step             text,
    variant          text,
    recipient        text,
    subject          text,
    html_body        text,
    text_body        text,
    status           text NOT NULL,
    reason           text,
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    PRIMARY KEY (tenant_id, message_id),
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX messaging_message_by_customer ON messaging_message (tenant_id, customer_id, created_at DESC);
CREATE INDEX messaging_message_retry ON messaging_message (next_attempt_at) WHERE status = 'retrying';

CREATE TABLE messaging_engagement (
    tenant_id    uuid NOT NULL,
    message_id   uuid NOT NULL,
    kind         text NOT NULL,
    url          text,
    occurred_at  timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, message_id) REFERENCES messaging_message ON DELETE CASCADE
);
CREATE INDEX messaging_engagement_by_message ON messaging_engagement (tenant_id, message_id);

CREATE TABLE messaging_secret (
    tenant_id  uuid PRIMARY KEY,
    secret     bytea NOT NULL
);

ALTER TABLE messaging_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE messaging_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE messaging_engagement ENABLE ROW LEVEL SECURITY;
ALTER TABLE messaging_secret ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messaging_template
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON messaging_message
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON messaging_engagement
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON messaging_secret
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Messages of every tenant due for another attempt: the retry job runs outside any tenant, so this
-- owner-run function tells it which tenants have work, and nothing else.
CREATE FUNCTION messaging_due_retries(p_now timestamptz, p_limit int)
    RETURNS TABLE (tenant_id uuid, message_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, message_id FROM messaging_message
          WHERE status = 'retrying' AND next_attempt_at <= p_now
          ORDER BY next_attempt_at LIMIT p_limit $$;
REVOKE ALL ON FUNCTION messaging_due_retries(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION messaging_due_retries(timestamptz, int) TO ${appUser};
