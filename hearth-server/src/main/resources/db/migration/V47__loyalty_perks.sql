-- Non-transactional perks (early access, events, recognition titles) matched to a member's interests,
-- inferred from the categories their points came from. A match is stored once per member and perk,
-- with its reason, and goes into the decision log then.
CREATE TABLE loyalty_perk (
    tenant_id  uuid NOT NULL,
    perk_id    text NOT NULL CHECK (char_length(perk_id) BETWEEN 1 AND 100),
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('EARLY_ACCESS', 'EVENT', 'RECOGNITION', 'OTHER')),
    interest   text NOT NULL,
    categories jsonb NOT NULL,
    min_share  double precision NOT NULL CHECK (min_share > 0 AND min_share <= 1),
    min_tier   text,
    active     boolean NOT NULL,
    PRIMARY KEY (tenant_id, perk_id)
);

CREATE TABLE loyalty_perk_match (
    tenant_id   uuid NOT NULL,
    customer_id text NOT NULL,
    perk_id     text NOT NULL,
    share       double precision NOT NULL,
    reason      text NOT NULL,
    matched_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, perk_id)
);

ALTER TABLE loyalty_perk ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_perk_match ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_perk
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_perk_match
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
