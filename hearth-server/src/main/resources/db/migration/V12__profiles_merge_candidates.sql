-- Blocking keys for probabilistic matching: a profile is compared only with profiles that share one
-- of its keys (e.g. the Soundex of the last name plus the postal code), so finding candidates is an
-- index lookup, not a scan of the tenant's profiles.
CREATE TABLE profiles_match_key (
    tenant_id   uuid NOT NULL,
    match_key   text NOT NULL,
    customer_id text NOT NULL,
    PRIMARY KEY (tenant_id, match_key, customer_id)
);
CREATE INDEX profiles_match_key_by_customer ON profiles_match_key (tenant_id, customer_id);

-- Pairs of profiles that look like one customer, waiting for (or having had) a human decision. A
-- pair is stored once, in canonical order (first_customer < second_customer, by code point); a decided pair is
-- never proposed again.
CREATE TABLE profiles_merge_candidate (
    tenant_id       uuid NOT NULL,
    candidate_id    uuid NOT NULL,
    first_customer  text NOT NULL,
    second_customer text NOT NULL,
    score           numeric(5, 4) NOT NULL,
    similarities    jsonb NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    proposed_at     timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    merge_id        uuid,
    PRIMARY KEY (tenant_id, candidate_id),
    UNIQUE (tenant_id, first_customer, second_customer),
    CHECK (first_customer COLLATE "C" < second_customer COLLATE "C")
);
CREATE INDEX profiles_merge_candidate_queue ON profiles_merge_candidate (tenant_id, status, score DESC);

ALTER TABLE profiles_match_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles_merge_candidate ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON profiles_match_key
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON profiles_merge_candidate
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
