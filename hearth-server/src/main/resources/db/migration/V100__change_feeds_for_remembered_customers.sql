-- Nodes that keep customers' identities and consents in memory ask every refresh interval what
-- changed since they last asked (ProfileManagement.identityChangesSince,
-- PrivacyManagement.consentChangesSince); these keep that a range scan of the recent rows.
CREATE INDEX profiles_identifier_by_created ON profiles_identifier (tenant_id, created_at);
CREATE INDEX profiles_merge_by_merged ON profiles_merge (tenant_id, merged_at);
CREATE INDEX profiles_merge_by_undone ON profiles_merge (tenant_id, undone_at) WHERE undone_at IS NOT NULL;
CREATE INDEX privacy_consent_by_recorded ON privacy_consent (tenant_id, recorded_at);
CREATE INDEX privacy_consent_merge_by_merged ON privacy_consent_merge (tenant_id, merged_at);
CREATE INDEX privacy_consent_merge_by_undone ON privacy_consent_merge (tenant_id, undone_at) WHERE undone_at IS NOT NULL;
