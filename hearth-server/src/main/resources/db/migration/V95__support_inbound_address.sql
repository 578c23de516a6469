-- Support mail received over SMTP: the addresses (lower-case) whose mail belongs to a tenant. An
-- address belongs to one tenant only, so the receiver can tell the tenant from RCPT TO alone.
CREATE TABLE support_inbound_address (
    tenant_id  uuid NOT NULL,
    address    text NOT NULL UNIQUE CHECK (address = lower(address)),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, address)
);

ALTER TABLE support_inbound_address ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_inbound_address
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- RCPT TO arrives before any tenant is known. Like the key lookups of V2, this answers only for an
-- exact address, so it reveals nothing a caller could enumerate. An inbound address wins; else the
-- address of a tenant's IMAP mailbox counts, when exactly one tenant has it (two shops naming the
-- same mailbox address must register it explicitly to say whose it is). Also used by the admin API
-- to tell a taken address from a free one.
CREATE FUNCTION support_inbound_tenant(p_address text)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT tenant_id FROM support_inbound_address WHERE address = lower(p_address)
        UNION ALL
        SELECT min(m.tenant_id::text)::uuid FROM support_mailbox m
        WHERE lower(m.address) = lower(p_address)
          AND NOT EXISTS (SELECT 1 FROM support_inbound_address a WHERE a.address = lower(p_address))
        HAVING count(*) = 1
    $$;
REVOKE ALL ON FUNCTION support_inbound_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION support_inbound_tenant(text) TO ${appUser};
