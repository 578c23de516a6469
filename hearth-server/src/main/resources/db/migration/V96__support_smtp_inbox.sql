-- Mail received over SMTP, stored before the sender hears 250 and handed to the conversations by a
-- task afterwards. One row per tenant and Message-ID: a sender that retries (it never heard our 250)
-- or several senders of one mail store it once.
CREATE TABLE support_smtp_inbox (
    tenant_id      uuid NOT NULL,
    rfc_message_id text NOT NULL,
    raw            bytea NOT NULL,
    received_at    timestamptz NOT NULL,
    handled_at     timestamptz,
    PRIMARY KEY (tenant_id, rfc_message_id)
);
CREATE INDEX support_smtp_inbox_unhandled ON support_smtp_inbox (received_at) WHERE handled_at IS NULL;

ALTER TABLE support_smtp_inbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_smtp_inbox
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Handled mail is kept for a while (hearth.support.smtp.keep-handled), then dropped by any node, outside
-- any tenant. Dropping it loses nothing: a late copy of the same mail is stored again, and the
-- conversations know its Message-ID, so it adds nothing.
CREATE INDEX support_smtp_inbox_handled ON support_smtp_inbox (handled_at) WHERE handled_at IS NOT NULL;
CREATE FUNCTION support_smtp_inbox_purge(p_before timestamptz)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
    AS $$
        WITH gone AS (DELETE FROM support_smtp_inbox WHERE handled_at < p_before RETURNING 1)
        SELECT count(*)::integer FROM gone
    $$;
REVOKE ALL ON FUNCTION support_smtp_inbox_purge(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION support_smtp_inbox_purge(timestamptz) TO ${appUser};
