-- Consents follow profile merges: while a merge is in force, the absorbed customer's answers count
-- for the survivor (and asking for the absorbed id answers for the survivor). The history stays
-- with the customer each change was recorded for, so undoing a merge gives each side its own answers.
CREATE TABLE privacy_consent_merge (
    tenant_id uuid NOT NULL,
    merge_id  uuid NOT NULL,
    survivor  text NOT NULL,
    absorbed  text NOT NULL,
    merged_at timestamptz NOT NULL,
    undone_at timestamptz,
    PRIMARY KEY (tenant_id, merge_id)
);

CREATE INDEX privacy_consent_merge_by_absorbed ON privacy_consent_merge (tenant_id, absorbed) WHERE undone_at IS NULL;
CREATE INDEX privacy_consent_merge_by_survivor ON privacy_consent_merge (tenant_id, survivor) WHERE undone_at IS NULL;

ALTER TABLE privacy_consent_merge ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON privacy_consent_merge
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Merges made before consents followed them: a one-time backfill from the profiles module's history
-- (afterwards the profiles module tells privacy of each merge through its facade).
INSERT INTO privacy_consent_merge (tenant_id, merge_id, survivor, absorbed, merged_at, undone_at)
SELECT tenant_id, merge_id, survivor, absorbed, merged_at, undone_at FROM profiles_merge
ON CONFLICT DO NOTHING;
