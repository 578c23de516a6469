CREATE TABLE tenancy_tenant (
    tenant_id        uuid PRIMARY KEY,
    name             text NOT NULL,
    default_currency char(3) NOT NULL DEFAULT 'USD',
    created_at       timestamptz NOT NULL
);

-- A source is where events come from: a Segment-style write key, or a commerce platform's webhooks.
CREATE TABLE tenancy_source (
    tenant_id       uuid NOT NULL REFERENCES tenancy_tenant (tenant_id),
    source_id       uuid NOT NULL,
    name            text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('segment', 'shopify', 'woocommerce', 'import')),
    write_key_hash  text UNIQUE,
    webhook_secret  text,
    rate_per_second int NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, source_id)
);

CREATE TABLE tenancy_api_key (
    tenant_id       uuid NOT NULL REFERENCES tenancy_tenant (tenant_id),
    key_id          uuid NOT NULL,
    name            text NOT NULL,
    key_hash        text NOT NULL,
    scopes          text[] NOT NULL,
    rate_per_second int NOT NULL,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    PRIMARY KEY (tenant_id, key_id)
);

CREATE UNIQUE INDEX tenancy_api_key_active_hash ON tenancy_api_key (key_hash) WHERE revoked_at IS NULL;

ALTER TABLE tenancy_tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy_source ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancy_api_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenancy_tenant
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON tenancy_source
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON tenancy_api_key
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Authentication happens before the tenant is known. These functions run as the owner and answer
-- only for an exact key hash (or source id), so they reveal nothing a caller could enumerate.
CREATE FUNCTION tenancy_find_source_by_key(p_key_hash text)
    RETURNS TABLE (tenant_id uuid, source_id uuid, rate_per_second int)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, source_id, rate_per_second FROM tenancy_source WHERE write_key_hash = p_key_hash $$;

CREATE FUNCTION tenancy_find_api_key(p_key_hash text)
    RETURNS TABLE (tenant_id uuid, key_id uuid, scopes text[], rate_per_second int)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, key_id, scopes, rate_per_second FROM tenancy_api_key
          WHERE key_hash = p_key_hash AND revoked_at IS NULL $$;

CREATE FUNCTION tenancy_find_webhook_source(p_source_id uuid)
    RETURNS TABLE (tenant_id uuid, kind text, webhook_secret text, rate_per_second int)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, kind, webhook_secret, rate_per_second FROM tenancy_source
          WHERE source_id = p_source_id AND webhook_secret IS NOT NULL $$;

REVOKE ALL ON FUNCTION tenancy_find_source_by_key(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tenancy_find_api_key(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tenancy_find_webhook_source(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenancy_find_source_by_key(text) TO ${appUser};
GRANT EXECUTE ON FUNCTION tenancy_find_api_key(text) TO ${appUser};
GRANT EXECUTE ON FUNCTION tenancy_find_webhook_source(uuid) TO ${appUser};
