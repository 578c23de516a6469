-- One row per profile ever created; a merged profile points at its survivor and keeps its row so a
-- merge can be undone.
CREATE TABLE profiles_customer (
    tenant_id      uuid NOT NULL,
    customer_id    text NOT NULL,
    merged_into    text,
    traits         jsonb NOT NULL DEFAULT '{}',
    orders_count   int NOT NULL DEFAULT 0,
    revenue        numeric(20, 4) NOT NULL DEFAULT 0,
    currency       char(3),
    first_order_at timestamptz,
    last_order_at  timestamptz,
    refunds_count  int NOT NULL DEFAULT 0,
    refunded       numeric(20, 4) NOT NULL DEFAULT 0,
    events_count   bigint NOT NULL DEFAULT 0,
    last_seen_at   timestamptz,
    categories     jsonb NOT NULL DEFAULT '{}',
    channels       jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);
CREATE INDEX profiles_customer_active ON profiles_customer (tenant_id) WHERE merged_into IS NULL;

-- The identity graph: each identifier belongs to exactly one profile.
CREATE TABLE profiles_identifier (
    tenant_id   uuid NOT NULL,
    kind        text NOT NULL,
    value       text NOT NULL,
    customer_id text NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind, value)
);
CREATE INDEX profiles_identifier_by_customer ON profiles_identifier (tenant_id, customer_id);

-- Which profile each event belongs to, with the facts the computed attributes are built from, so
-- that a merge or an unmerge recomputes them without reading the event log again.
CREATE TABLE profiles_event (
    tenant_id       uuid NOT NULL,
    event_id        uuid NOT NULL,
    customer_id     text NOT NULL,
    identity_keys   text[] NOT NULL,
    occurred_at     timestamptz NOT NULL,
    type            text NOT NULL,
    event           text,
    order_id        text,
    amount          numeric(20, 4),
    currency        char(3),
    categories      text[],
    channel         text,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX profiles_event_timeline ON profiles_event (tenant_id, customer_id, occurred_at DESC, event_id DESC);

CREATE TABLE profiles_merge (
    tenant_id            uuid NOT NULL,
    merge_id             uuid NOT NULL,
    survivor             text NOT NULL,
    absorbed             text NOT NULL,
    reason               text NOT NULL,
    absorbed_identifiers text[] NOT NULL,
    absorbed_traits      jsonb NOT NULL,
    merged_at            timestamptz NOT NULL,
    undone_at            timestamptz,
    undone_by            text,
    PRIMARY KEY (tenant_id, merge_id)
);
CREATE INDEX profiles_merge_by_customer ON profiles_merge (tenant_id, survivor);
CREATE INDEX profiles_merge_by_absorbed ON profiles_merge (tenant_id, absorbed);

ALTER TABLE profiles_customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles_identifier ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles_merge ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON profiles_customer
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON profiles_identifier
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON profiles_event
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON profiles_merge
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
