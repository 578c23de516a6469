-- Consent: every change is kept (insert-only history); the current state per purpose and channel is a
-- projection updated in the same transaction. Customer ids are the profiles module's, stored as text.
CREATE TABLE privacy_consent_entry (
    tenant_id   uuid NOT NULL,
    entry_id    bigint GENERATED ALWAYS AS IDENTITY,
    customer_id text NOT NULL,
    purpose     text NOT NULL CHECK (purpose IN ('marketing', 'personalization', 'profiling', 'analytics')),
    channel     text NOT NULL CHECK (channel IN ('email', 'sms', 'push', 'any')),
    granted     boolean NOT NULL,
    source      text NOT NULL,
    occurred_at timestamptz NOT NULL,
    proof       text CHECK (octet_length(proof) <= 2048),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, entry_id),
    -- Recording the same change twice is one entry.
    UNIQUE (tenant_id, customer_id, purpose, channel, granted, source, occurred_at)
);

CREATE INDEX privacy_consent_entry_by_customer ON privacy_consent_entry (tenant_id, customer_id, occurred_at DESC);

CREATE TABLE privacy_consent (
    tenant_id   uuid NOT NULL,
    customer_id text NOT NULL,
    purpose     text NOT NULL,
    channel     text NOT NULL,
    granted     boolean NOT NULL,
    source      text NOT NULL,
    occurred_at timestamptz NOT NULL,
    proof       text,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, purpose, channel)
);

-- The log of automated decisions, hash-chained per tenant: hash = SHA-256(previous hash || canonical
-- row), so changing or removing a row breaks every later link. Inputs are stored as the exact
-- canonical JSON text that was hashed.
CREATE TABLE privacy_decision (
    tenant_id     uuid NOT NULL,
    sequence      bigint NOT NULL,
    decision_id   uuid NOT NULL,
    customer_id   text NOT NULL,
    decision_type text NOT NULL,
    inputs        text NOT NULL,
    model_version text NOT NULL,
    outcome       text NOT NULL,
    reason        text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    hash          char(64) NOT NULL,
    PRIMARY KEY (tenant_id, sequence)
);

CREATE INDEX privacy_decision_by_customer ON privacy_decision (tenant_id, customer_id, sequence DESC);

-- The head of each tenant's chain; appends lock this row, which serializes them per tenant.
CREATE TABLE privacy_decision_chain (
    tenant_id     uuid PRIMARY KEY,
    last_sequence bigint NOT NULL,
    last_hash     char(64) NOT NULL
);

ALTER TABLE privacy_consent_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE privacy_consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE privacy_decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE privacy_decision_chain ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON privacy_consent_entry
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON privacy_consent
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON privacy_decision
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON privacy_decision_chain
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- History is not the application's to rewrite: it may only append.
REVOKE UPDATE, DELETE, TRUNCATE ON privacy_consent_entry FROM ${appUser};
REVOKE UPDATE, DELETE, TRUNCATE ON privacy_decision FROM ${appUser};
