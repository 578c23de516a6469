-- Support by email: the shop's support mailbox (polled over IMAP) and the Message-IDs of every mail in
-- and out, which thread replies into their conversation (In-Reply-To, References).
CREATE TABLE support_mailbox (
    tenant_id      uuid PRIMARY KEY,
    host           text NOT NULL,
    port           integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    ssl            boolean NOT NULL,
    username       text NOT NULL,
    password       text NOT NULL,
    folder         text NOT NULL,
    address        text NOT NULL,
    updated_at     timestamptz NOT NULL,
    last_polled_at timestamptz,
    last_error     text
);

CREATE TABLE support_email (
    tenant_id       uuid NOT NULL,
    rfc_message_id  text NOT NULL,
    conversation_id uuid NOT NULL,
    direction       text NOT NULL CHECK (direction IN ('IN', 'OUT')),
    address         text NOT NULL,
    subject         text NOT NULL,
    references_ids  text NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, rfc_message_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES support_conversation ON DELETE CASCADE
);
CREATE INDEX support_email_by_conversation ON support_email (tenant_id, conversation_id, created_at);

ALTER TABLE support_mailbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_email ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_mailbox
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON support_email
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- The poller runs outside any tenant: it may learn which tenants have a mailbox, nothing more.
CREATE FUNCTION support_mailbox_tenants()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id FROM support_mailbox ORDER BY last_polled_at NULLS FIRST $$;
REVOKE ALL ON FUNCTION support_mailbox_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION support_mailbox_tenants() TO ${appUser};
