-- Points follow profile merges: a TRANSFER moves the absorbed member's points to the survivor
-- through program.transferred (one transaction on each side, each summing to zero), and the lots it
-- moved are remembered per merge, so an unmerge gives back what is left of exactly those lots.
ALTER TABLE loyalty_entry DROP CONSTRAINT loyalty_entry_account_check;
ALTER TABLE loyalty_entry ADD CONSTRAINT loyalty_entry_account_check CHECK (account IN ('member.pending',
    'member.available', 'program.issued', 'program.bonus', 'program.redeemed', 'program.expired',
    'program.adjusted', 'program.transferred'));

CREATE TABLE loyalty_merged_lot (
    tenant_id uuid NOT NULL,
    merge_id  uuid NOT NULL,
    lot_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, merge_id, lot_id)
);

ALTER TABLE loyalty_merged_lot ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_merged_lot
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
